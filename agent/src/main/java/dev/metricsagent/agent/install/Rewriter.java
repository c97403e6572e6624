package dev.metricsagent.agent.install;

import dev.metricsagent.agent.selfmetrics.AgentMetrics;
import dev.metricsagent.instrumentation.api.AdviceFactory;
import dev.metricsagent.instrumentation.api.AdviceTransformer;
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
 * The Byte Buddy half of the transformer: describes a class that passed the pre-filter, matches
 * it against every instrumentation and adds the advice of those that want it.
 *
 * <p>Advice only adds code to existing methods ({@code decorate}, no class format change), which
 * is what retransformation of already loaded classes requires and what keeps classes safe. Any
 * failure leaves the class as it was and is counted in {@code
 * metrics_agent_transformation_errors_total}: the application never sees it.
 */
final class Rewriter {

  private static final int MAX_REPORTED_ERRORS = 10;

  private final ClassLoader agentClassLoader;
  private final List<TypeTransformation> transformations;
  private final AdviceFactory advice;
  private final AgentMetrics metrics;
  private final ByteBuddy byteBuddy =
      new ByteBuddy()
          .with(TypeValidation.DISABLED)
          .with(Implementation.Context.Disabled.Factory.INSTANCE)
          // Advice goes into declared methods only: no need to analyse the whole hierarchy's
          // methods (bridges, overrides) for each class, a quarter of the transformation time.
          .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE);
  private final TypePoolCache typePools = new TypePoolCache();
  private final AtomicInteger reportedErrors = new AtomicInteger();

  Rewriter(
      ClassLoader agentClassLoader,
      List<TypeTransformation> transformations,
      AdviceFactory advice,
      AgentMetrics metrics) {
    this.agentClassLoader = agentClassLoader;
    this.transformations = transformations;
    this.advice = advice;
    this.metrics = metrics;
  }

  /** The rewritten class file, or null to leave the class as it is. */
  byte[] rewrite(
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
  void warmUp() {
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
