package dev.metricsagent.agent.install;

import dev.metricsagent.agent.weave.AdviceWeaver;
import dev.metricsagent.agent.weave.MethodAdvice;
import dev.metricsagent.instrumentation.api.AdviceFactory;
import dev.metricsagent.instrumentation.api.ClassInfo;
import dev.metricsagent.instrumentation.api.ClassLoaderTypes;
import dev.metricsagent.instrumentation.api.InstrumentationModule;
import dev.metricsagent.instrumentation.api.TypeInstrumentation;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rewriting half of the transformer: describes a class that passed the pre-filter from its
 * class file ({@link ClassInfo}), matches it against every instrumentation and adds their advice,
 * inlined by the agent's own weaver ({@link OwnWeaver}) where it can, else by Byte Buddy's {@code
 * Advice}. Byte Buddy itself, its type pool and descriptions included, is only loaded for what
 * the weaver declines; ASM, shaded in Byte Buddy's jar, only for a class that passed the
 * pre-filter, so that a start whose classes all come from the {@link ClassCache} loads neither.
 *
 * <p>Advice only adds code to existing methods ({@code decorate}): retransformation of already
 * loaded classes allows no more. The one exception, an instrumentation's {@code AddedField}, is
 * written only where {@link AddedFieldAdmission} allows it.
 */
final class Rewriter {

  private final ClassLoader agentClassLoader;
  private final AdviceFactory advice;
  private final List<TypeTransformation> transformations = new ArrayList<>();
  private final ClassInfoCache classInfos = new ClassInfoCache();
  private final OwnWeaver ownWeaver;
  /**
   * Made by the first class the agent's own weaver declines (most starts have none), under this
   * rewriter's monitor: one thread initialises Byte Buddy's classes.
   */
  private ByteBuddyWeaver byteBuddyWeaver;

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
   * matches. Throws what the weaver or Byte Buddy throws; {@code matched} then holds the
   * instrumentations that had matched, for the error counts.
   */
  Rewritten rewrite(
      ClassLoader loader, String typeName, byte[] classFile, boolean mayAddFields, List<String> matched) {
    ClassInfo type = classInfos.of(loader).define(classFile);
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
    byte[] byteBuddyWoven = byteBuddyWeaver().weave(loader, typeName, classFile, type, applied, mayAddFields);
    return new Rewritten(byteBuddyWoven, List.copyOf(matched));
  }

  private synchronized ByteBuddyWeaver byteBuddyWeaver() {
    if (byteBuddyWeaver == null) {
      byteBuddyWeaver = new ByteBuddyWeaver();
    }
    return byteBuddyWeaver;
  }

  /**
   * Runs one whole transformation of {@link WarmUpSample}, whose result is thrown away, on an
   * agent thread while the application starts. Otherwise the application's thread pays for
   * loading and initialising the classes of the descriptions, the matchers and the weaver when
   * it loads the first class an instrumentation wants. Byte Buddy, which weaves only what the
   * weaver declines, is not warmed up. Nothing is counted: a failure here means nothing for the
   * application's classes.
   */
  void warmUp() {
    String sample = "dev.metricsagent.agent.install.WarmUpSample";
    try {
      byte[] sampleClassFile;
      try (InputStream in = agentClassLoader.getResourceAsStream(sample.replace('.', '/') + ".class")) {
        sampleClassFile = in.readAllBytes();
      }
      ClassInfo type = new ClassLoaderTypes(agentClassLoader).define(sampleClassFile);
      IgnoredTypes.matcher().matches(type);
      for (TypeTransformation transformation : transformations) {
        transformation.matchesType(type);
      }
      AdviceWeaver.weave(
          sampleClassFile,
          Map.of("work(I)I", new MethodAdvice(ownWeaver.adviceClass(sample + "$SampleAdvice", Set.of()), null)),
          OwnWeaver.hierarchyOf(type),
          null,
          new StringBuilder());
    } catch (Throwable ignored) {
      // The application's own transformations report their errors.
    }
  }
}
