package dev.metricsagent.agent.install;

import dev.metricsagent.agent.selfmetrics.AgentMetrics;
import dev.metricsagent.bootstrap.AgentThreads;
import dev.metricsagent.instrumentation.api.ClassFileFilter;
import dev.metricsagent.instrumentation.api.InstrumentationModule;
import dev.metricsagent.instrumentation.api.TypeInstrumentation;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.List;

/** Turns the active instrumentation modules into the agent's one transformer on the JVM. */
public final class InstrumentationInstaller {

  private final ClassLoader agentClassLoader;
  private final AgentMetrics metrics;

  public InstrumentationInstaller(ClassLoader agentClassLoader, AgentMetrics metrics) {
    this.agentClassLoader = agentClassLoader;
    this.metrics = metrics;
  }

  /**
   * @param classCache the {@code class_cache} directory, or null
   * @param build what rewritten classes depend on besides their own bytes (agent jar, JDK,
   *     configuration): a changed build never reads an older build's cache entries
   */
  public void install(
      Instrumentation instrumentation,
      List<InstrumentationModule> modules,
      Path classCache,
      String build) {
    // Without anything to transform, Byte Buddy is not even loaded: that saves startup time.
    if (modules.stream().allMatch(module -> module.typeInstrumentations().isEmpty())) {
      return;
    }
    ClassFileFilter filter = ClassFileFilter.none();
    for (InstrumentationModule module : modules) {
      for (TypeInstrumentation type : module.typeInstrumentations()) {
        filter = filter.or(type.classFileFilter());
      }
    }
    ClassCache cache = classCache == null ? null : ClassCache.open(classCache, build);
    if (cache != null) {
      metrics.classCache(cache::hits, cache::misses);
    }
    InstrumentingTransformer transformer =
        new InstrumentingTransformer(
            agentClassLoader, filter, () -> new Rewriter(agentClassLoader, modules), cache, metrics);
    if (cache == null || cache.startedEmpty()) {
      // Byte Buddy will be needed: made now, and warmed up beside the application's start.
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
