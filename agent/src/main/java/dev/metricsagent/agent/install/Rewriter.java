package dev.metricsagent.agent.install;

import dev.metricsagent.agent.weave.AdviceWeaver;
import dev.metricsagent.agent.weave.MethodAdvice;
import dev.metricsagent.instrumentation.api.AdviceFactory;
import dev.metricsagent.instrumentation.api.AdviceTransformer;
import dev.metricsagent.instrumentation.api.InstrumentationModule;
import dev.metricsagent.instrumentation.api.TypeInstrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The rewriting half of the transformer: describes a class that passed the pre-filter with Byte
 * Buddy's type pool, matches it against every instrumentation and adds their advice, inlined by
 * the agent's own weaver ({@link OwnWeaver}) where it can, else by Byte Buddy's {@code Advice}.
 * Everything that loads Byte Buddy lives here, so that a start whose classes all come from the
 * {@link ClassCache} never loads it.
 *
 * <p>Advice only adds code to existing methods ({@code decorate}): retransformation of already
 * loaded classes allows no more. The one exception, an instrumentation's {@code AddedField}, is
 * written only where {@link AddedFieldAdmission} allows it.
 */
final class Rewriter {

  private final ClassLoader agentClassLoader;
  private final AdviceFactory advice;
  private final List<TypeTransformation> transformations = new ArrayList<>();
  /**
   * Made by the first class the agent's own weaver declines (most starts have none), under this
   * rewriter's monitor: one thread initialises Byte Buddy's classes.
   */
  private ByteBuddy byteBuddy;
  private final TypePoolCache typePools = new TypePoolCache();
  private final OwnWeaver ownWeaver;

  Rewriter(ClassLoader agentClassLoader, List<InstrumentationModule> modules) {
    this.agentClassLoader = agentClassLoader;
    this.ownWeaver = new OwnWeaver(agentClassLoader);
    this.advice = new AdviceFactory(agentClassLoader);
    for (InstrumentationModule module : modules) {
      for (TypeInstrumentation type : module.typeInstrumentations()) {
        transformations.add(new TypeTransformation(module.name(), type, advice));
      }
    }
  }

  /**
   * The class with every matching instrumentation's advice added, and their fields if {@code
   * mayAddFields} (see {@link AddedFieldAdmission}), or {@link Rewritten#REFUSED} when none
   * matches. Throws what Byte Buddy throws; {@code matched} then holds the instrumentations that
   * had matched, for the error counts.
   */
  Rewritten rewrite(
      Module module,
      ClassLoader loader,
      String typeName,
      ProtectionDomain protectionDomain,
      byte[] classFile,
      boolean mayAddFields,
      List<String> matched) {
    ClassFileLocator locator =
        new ClassFileLocator.Compound(
            ClassFileLocator.Simple.of(typeName, classFile),
            loader == null
                ? ClassFileLocator.ForClassLoader.ofBootLoader()
                : ClassFileLocator.ForClassLoader.WeaklyReferenced.of(loader));
    TypePool typePool = typePools.typePool(locator, loader);
    TypeDescription type = typePool.describe(typeName).resolve();
    if (IgnoredTypes.matcher().matches(type)) {
      return Rewritten.REFUSED;
    }
    List<TypeTransformation> applied = new ArrayList<>(2);
    for (TypeTransformation transformation : transformations) {
      if (transformation.matches(type, loader)) {
        applied.add(transformation);
        matched.add(transformation.instrumentation());
      }
    }
    if (applied.isEmpty()) {
      return Rewritten.REFUSED;
    }
    byte[] woven = ownWeaver.weave(type, classFile, applied, mayAddFields);
    if (woven != null) {
      return new Rewritten(woven, List.copyOf(matched));
    }
    JavaModule javaModule = JavaModule.of(module);
    DynamicType.Builder<?> builder = byteBuddy().decorate(type, locator);
    for (TypeTransformation transformation : applied) {
      builder = transformation.apply(builder, type, loader, javaModule, protectionDomain, mayAddFields);
    }
    byte[] bytes = builder.make(TypeResolutionStrategy.Disabled.INSTANCE, typePool).getBytes();
    return new Rewritten(bytes, List.copyOf(matched));
  }

  private synchronized ByteBuddy byteBuddy() {
    if (byteBuddy == null) {
      byteBuddy =
          new ByteBuddy()
              .with(TypeValidation.DISABLED)
              .with(Implementation.Context.Disabled.Factory.INSTANCE)
              // Advice goes into declared methods only: no need to analyse the whole hierarchy's
              // methods (bridges, overrides) for each class, a quarter of the transformation time.
              .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE);
    }
    return byteBuddy;
  }

  /**
   * Runs one whole transformation of {@link WarmUpSample}, whose result is thrown away, on an
   * agent thread while the application starts. Otherwise the application's thread pays for
   * loading and initialising the classes of Byte Buddy's type descriptions and of the weaver when
   * it loads the first class an instrumentation wants. Byte Buddy's own advice is warmed up too
   * only when an instrumentation the weaver cannot take needs it. Nothing is counted: a failure here
   * means nothing for the application's classes.
   */
  void warmUp() {
    String sample = "dev.metricsagent.agent.install.WarmUpSample";
    try {
      ClassFileLocator agentClassFiles = ClassFileLocator.ForClassLoader.of(agentClassLoader);
      byte[] sampleClassFile = agentClassFiles.locate(sample).resolve();
      ClassFileLocator locator =
          new ClassFileLocator.Compound(ClassFileLocator.Simple.of(sample, sampleClassFile), agentClassFiles);
      TypePool typePool = typePools.typePool(locator, agentClassLoader);
      TypeDescription type = typePool.describe(sample).resolve();
      IgnoredTypes.matcher().matches(type);
      boolean byteBuddyAdvice = false;
      for (TypeTransformation transformation : transformations) {
        transformation.matchesType(type);
        byteBuddyAdvice |= transformation.weavableAdvice() == null;
      }
      AdviceWeaver.weave(
          sampleClassFile,
          Map.of("work(I)I", new MethodAdvice(ownWeaver.adviceClass(sample + "$SampleAdvice", Set.of()), null)),
          OwnWeaver.hierarchyOf(type),
          null,
          new StringBuilder());
      if (byteBuddyAdvice) {
        AdviceTransformer sampleAdvice =
            advice.forAdvice().advice(ElementMatchers.named("work"), sample + "$SampleAdvice");
        sampleAdvice
            .transform(byteBuddy().decorate(type, locator), type, agentClassLoader, null, null)
            .make(TypeResolutionStrategy.Disabled.INSTANCE, typePool)
            .getBytes();
      }
    } catch (Throwable ignored) {
      // The application's own transformations report their errors.
    }
  }
}
