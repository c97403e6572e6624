package dev.metricsagent.agent.install;

import dev.metricsagent.agent.selfmetrics.AgentMetrics;
import dev.metricsagent.bootstrap.AgentThreads;
import dev.metricsagent.config.ClassCacheConfig;
import dev.metricsagent.instrumentation.api.AddedField;
import dev.metricsagent.instrumentation.api.ClassFileFilter;
import dev.metricsagent.instrumentation.api.InstrumentationModule;
import dev.metricsagent.instrumentation.api.TypeInstrumentation;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** Turns the active instrumentation modules into the agent's one transformer on the JVM. */
public final class InstrumentationInstaller {

  private static final long REJECTED_SAVE_FIRST_MILLIS = 10_000;
  private static final long REJECTED_SAVE_EVERY_MILLIS = 60_000;

  private final ClassLoader agentClassLoader;
  private final AgentMetrics metrics;

  public InstrumentationInstaller(ClassLoader agentClassLoader, AgentMetrics metrics) {
    this.agentClassLoader = agentClassLoader;
    this.metrics = metrics;
  }

  /**
   * @param build what rewritten classes depend on besides their own bytes (agent jar, JDK,
   *     configuration): a changed build never reads an older build's cache entries
   */
  public void install(
      Instrumentation instrumentation,
      List<InstrumentationModule> modules,
      ClassCacheConfig classCache,
      String build) {
    // Without anything to transform, nothing of the rewriting is even loaded: that saves startup time.
    if (modules.stream().allMatch(module -> module.typeInstrumentations().isEmpty())) {
      return;
    }
    ClassFileFilter filter = filterOf(modules);
    ClassCache cache = openCache(classCache, build, false);
    RejectedClassFiles rejected = null;
    if (cache != null) {
      metrics.classCache(cache::hits, cache::misses);
      if (classCache.directory() != null && cache.startedEmpty()) {
        sayWhenOnlyOtherBuildsAreCached(classCache.directory(), cache.otherBuildsWithEntries());
      }
      rejected = RejectedClassFiles.in(cache.directory());
      keepSaving(rejected);
    }
    InstrumentingTransformer transformer =
        new InstrumentingTransformer(
            agentClassLoader,
            filter,
            () -> new Rewriter(agentClassLoader, modules),
            cache,
            rejected,
            new AddedFieldAdmission(addedFieldsOf(modules)),
            metrics);
    if (cache == null || cache.startedEmpty()) {
      // Classes will be rewritten: the rewriter made now, and warmed up beside the application's start.
      Rewriter rewriter = transformer.rewriter();
      AgentThreads.newThread("metrics-agent-warm-up", rewriter::warmUp).start();
    }
    instrumentation.addTransformer(transformer, true);
    // Registered first, so that a class loaded meanwhile is transformed as it loads; one already
    // loaded is transformed again from its original class file, never twice.
    retransform(
        instrumentation, new AlreadyLoadedClasses(filter, agentClassLoader).candidates(instrumentation));
  }

  /**
   * A directory the user chose, typically filled by {@code prepare-cache} in an image, that holds
   * classes for other builds only: without a word, the start would just be slow.
   */
  private static void sayWhenOnlyOtherBuildsAreCached(Path directory, int otherBuilds) {
    if (otherBuilds > 0) {
      System.err.println(
          "metrics-agent: class_cache.directory " + directory + " holds classes for "
              + otherBuilds + (otherBuilds == 1 ? " other build" : " other builds")
              + " but none for this one, so this start rewrites and stores its own: the agent jar"
              + " (path, size, time), the JDK, the enabled instrumentations or the rules differ."
              + " prepare-cache must run with the jar, java and agent arguments of the start.");
    }
  }

  /**
   * Saves what the pre-filter rejects while the application loads its classes, most of them in
   * its first minute or so, and whatever is left as the JVM exits (a short job may never reach the
   * first save).
   */
  private static void keepSaving(RejectedClassFiles rejected) {
    try {
      Runtime.getRuntime()
          .addShutdownHook(AgentThreads.newThread("metrics-agent-class-cache-exit", rejected::save));
    } catch (IllegalStateException alreadyExiting) {
      return; // attached while the JVM shuts down: nothing worth saving
    }
    AgentThreads.newThread(
            "metrics-agent-class-cache",
            () -> {
              try {
                for (long pause = REJECTED_SAVE_FIRST_MILLIS; ; pause = REJECTED_SAVE_EVERY_MILLIS) {
                  Thread.sleep(pause);
                  rejected.save();
                }
              } catch (InterruptedException stopped) {
                // The JVM is going away; the exit hook saves.
              }
            })
        .start();
  }

  /** What a class must pass to be worth Byte Buddy's time: any module's pre-filter. */
  static ClassFileFilter filterOf(List<InstrumentationModule> modules) {
    ClassFileFilter filter = ClassFileFilter.none();
    for (InstrumentationModule module : modules) {
      for (TypeInstrumentation type : module.typeInstrumentations()) {
        filter = filter.or(type.classFileFilter());
      }
    }
    return filter;
  }

  static List<AddedField> addedFieldsOf(List<InstrumentationModule> modules) {
    List<AddedField> fields = new ArrayList<>();
    for (InstrumentationModule module : modules) {
      for (TypeInstrumentation type : module.typeInstrumentations()) {
        if (type.addedField() != null) {
          fields.add(type.addedField());
        }
      }
    }
    return fields;
  }

  /**
   * The configured cache, or the default one in the temporary directory; null when it is off or
   * cannot be used. At a start, only a directory the user chose is worth a warning when it
   * cannot be used: the default's problems (a read-only file system, a directory another user
   * made first) only cost the speed-up.
   */
  static ClassCache openCache(ClassCacheConfig config, String build, boolean reportDefaultsProblems) {
    if (!config.enabled()) {
      return null;
    }
    if (config.directory() != null) {
      return ClassCache.open(config.directory(), build, true);
    }
    try {
      return ClassCache.open(defaultDirectory(), build, reportDefaultsProblems);
    } catch (RuntimeException e) {
      return null;
    }
  }

  static Path defaultDirectory() {
    return Paths.get(
        System.getProperty("java.io.tmpdir"), "metrics-agent-" + System.getProperty("user.name"));
  }

  /**
   * Classes loaded before the agent: few or none at premain (servlet containers, drivers and the
   * JDK's HTTP clients load later), many when the agent is attached to a running JVM. One at a
   * time, so that a class the JVM refuses to retransform leaves the others instrumented.
   */
  private static void retransform(Instrumentation instrumentation, List<Class<?>> classes) {
    for (Class<?> type : classes) {
      try {
        instrumentation.retransformClasses(type);
      } catch (Exception | LinkageError e) {
        System.err.println(
            "metrics-agent: could not instrument the already loaded " + type.getName()
                + "; it runs unchanged: " + e);
      }
    }
  }
}
