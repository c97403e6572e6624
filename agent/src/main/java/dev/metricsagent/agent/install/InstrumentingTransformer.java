package dev.metricsagent.agent.install;

import dev.metricsagent.agent.selfmetrics.AgentMetrics;
import dev.metricsagent.instrumentation.api.AdviceFactory;
import dev.metricsagent.instrumentation.api.AdviceTransformer;
import dev.metricsagent.instrumentation.api.ClassFileFilter;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.TypeResolutionStrategy;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.JavaModule;

/**
 * The agent's one class-file transformer: for each class the JVM loads (or retransforms), the
 * instrumentations whose filters and matchers want it add their advice with Byte Buddy.
 *
 * <p>Written for this agent instead of Byte Buddy's {@code AgentBuilder}, which covers far more
 * than advice on existing methods and costs startup for it: installing one generates a class at
 * runtime (its Java 9 transformer) and loads a few hundred classes more, 150-250 ms of premain on
 * a 2-core machine. Here, a class no {@link ClassFileFilter} accepts costs a hash lookup or one
 * pass over its constant pool; only the others are described by Byte Buddy and matched.
 *
 * <p>Advice only adds code to existing methods ({@code decorate}, no class format change), which
 * is what retransformation of already loaded classes requires and what keeps classes safe. Any
 * failure leaves the class as it was and is counted in {@code
 * metrics_agent_transformation_errors_total}: the application never sees it.
 */
final class InstrumentingTransformer implements ClassFileTransformer {

  private static final int MAX_REPORTED_ERRORS = 10;

  private final ClassLoader agentClassLoader;
  private final ClassFileFilter filter;
  private final List<TypeTransformation> transformations;
  private final AgentMetrics metrics;
  private final ByteBuddy byteBuddy =
      new ByteBuddy()
          .with(TypeValidation.DISABLED)
          .with(Implementation.Context.Disabled.Factory.INSTANCE)
          // Advice goes into declared methods only: no need to analyse the whole hierarchy's
          // methods (bridges, overrides) for each class, a quarter of the transformation time.
          .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE);
  private final TypePoolCache typePools = new TypePoolCache();
  private final ThreadLocal<Boolean> transforming = new ThreadLocal<>();
  private final AtomicInteger reportedErrors = new AtomicInteger();

  InstrumentingTransformer(
      ClassLoader agentClassLoader,
      ClassFileFilter filter,
      List<TypeTransformation> transformations,
      AgentMetrics metrics) {
    this.agentClassLoader = agentClassLoader;
    this.filter = filter;
    this.transformations = transformations;
    this.metrics = metrics;
  }

  @Override
  public byte[] transform(
      Module module,
      ClassLoader loader,
      String internalName,
      Class<?> classBeingRetransformed,
      ProtectionDomain protectionDomain,
      byte[] classFile) {
    if (internalName == null || loader == agentClassLoader) {
      return null; // hidden classes have no name; the agent's own code is never instrumented
    }
    long start = System.nanoTime();
    try {
      // Classes being retransformed were chosen by the same filter in AlreadyLoadedClasses.
      if (classBeingRetransformed == null && !filter.accepts(internalName, classFile)) {
        return null;
      }
      // Describing a class can load JDK classes the agent has not used yet; their own
      // transformation must not start another one on this thread.
      if (transforming.get() != null) {
        return null;
      }
      transforming.set(Boolean.TRUE);
      try {
        return instrument(module, loader, internalName.replace('/', '.'), protectionDomain, classFile);
      } finally {
        transforming.remove();
      }
    } finally {
      // Runs for every class the JVM loads, the JDK's too: nothing here may load a class (see
      // AgentMetrics.transformationTook).
      metrics.transformationTook(System.nanoTime() - start);
    }
  }

  private byte[] instrument(
      Module module,
      ClassLoader loader,
      String typeName,
      ProtectionDomain protectionDomain,
      byte[] classFile) {
    List<TypeTransformation> matched = new ArrayList<>(2);
    try {
      ClassFileLocator locator =
          new ClassFileLocator.Compound(
              ClassFileLocator.Simple.of(typeName, classFile),
              loader == null
                  ? ClassFileLocator.ForClassLoader.ofBootLoader()
                  : ClassFileLocator.ForClassLoader.WeaklyReferenced.of(loader));
      TypePool typePool = typePools.typePool(locator, loader);
      TypeDescription type = typePool.describe(typeName).resolve();
      if (IgnoredTypes.matcher().matches(type)) {
        return null;
      }
      for (TypeTransformation transformation : transformations) {
        if (transformation.matches(type, loader)) {
          matched.add(transformation);
        }
      }
      if (matched.isEmpty()) {
        return null;
      }
      JavaModule javaModule = JavaModule.of(module);
      DynamicType.Builder<?> builder = byteBuddy.decorate(type, locator);
      for (TypeTransformation transformation : matched) {
        builder = transformation.apply(builder, type, loader, javaModule, protectionDomain);
      }
      byte[] instrumented =
          builder.make(TypeResolutionStrategy.Disabled.INSTANCE, typePool).getBytes();
      for (TypeTransformation transformation : matched) {
        metrics.classTransformed(transformation.instrumentation());
      }
      return instrumented;
    } catch (Throwable error) {
      failed(typeName, matched, error);
      return null;
    }
  }

  /**
   * Runs one whole transformation of {@link WarmUpSample}, whose result is thrown away, on an
   * agent thread while the application starts. Otherwise the application's thread pays for
   * loading and initialising some 700 classes of Byte Buddy when it loads the first class an
   * instrumentation wants: that first transformation took 100-150 ms more than the next ones.
   * Nothing is counted: a failure here means nothing for the application's classes.
   */
  void warmUp(AdviceFactory advice) {
    String sample = "dev.metricsagent.agent.install.WarmUpSample";
    try {
      ClassFileLocator agentClassFiles = ClassFileLocator.ForClassLoader.of(agentClassLoader);
      ClassFileLocator locator =
          new ClassFileLocator.Compound(
              ClassFileLocator.Simple.of(sample, agentClassFiles.locate(sample).resolve()),
              agentClassFiles);
      TypePool typePool = typePools.typePool(locator, agentClassLoader);
      TypeDescription type = typePool.describe(sample).resolve();
      IgnoredTypes.matcher().matches(type);
      for (TypeTransformation transformation : transformations) {
        transformation.matchesType(type);
      }
      AdviceTransformer sampleAdvice =
          advice.forAdvice().advice(ElementMatchers.named("work"), sample + "$SampleAdvice");
      sampleAdvice
          .transform(byteBuddy.decorate(type, locator), type, agentClassLoader, null, null)
          .make(TypeResolutionStrategy.Disabled.INSTANCE, typePool)
          .getBytes();
    } catch (Throwable ignored) {
      // The application's own transformations report their errors.
    }
  }

  private void failed(String typeName, List<TypeTransformation> matched, Throwable error) {
    List<String> instrumentations = new ArrayList<>(matched.size());
    for (TypeTransformation transformation : matched) {
      metrics.transformationFailed(transformation.instrumentation());
      instrumentations.add(transformation.instrumentation());
    }
    if (reportedErrors.incrementAndGet() <= MAX_REPORTED_ERRORS) {
      System.err.println(
          "metrics-agent: could not instrument "
              + typeName
              + " ("
              + String.join(", ", instrumentations)
              + "); it runs unchanged and is counted in metrics_agent_transformation_errors_total: "
              + error);
    }
  }
}
