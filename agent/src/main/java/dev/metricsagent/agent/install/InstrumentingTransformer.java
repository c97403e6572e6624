package dev.metricsagent.agent.install;

import dev.metricsagent.agent.selfmetrics.AgentMetrics;
import dev.metricsagent.instrumentation.api.ClassFileFilter;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The agent's one class-file transformer: for each class the JVM loads (or retransforms), the
 * instrumentations whose filters and matchers want it add their advice.
 *
 * <p>Written for this agent instead of Byte Buddy's {@code AgentBuilder}, which covers far more
 * than advice on existing methods and costs startup for it: installing one generates a class at
 * runtime (its Java 9 transformer) and loads a few hundred classes more, 150-250 ms of premain on
 * a 2-core machine. Here, a class no {@link ClassFileFilter} accepts costs a hash lookup or one
 * pass over its constant pool (the JDK's, {@link JdkClasses}, only the lookup; one an earlier
 * start rejected, {@link RejectedClassFiles}, two checksums); only the others reach the {@link
 * ClassCache}, if there is one, and then the {@link Rewriter}, which is only made when a class
 * needs it.
 *
 * <p>Any failure leaves the class as it was and is counted in {@code
 * metrics_agent_transformation_errors_total}: the application never sees it.
 */
final class InstrumentingTransformer implements ClassFileTransformer {

  private static final int MAX_REPORTED_ERRORS = 10;

  /** Rules number the methods they rewrite as classes load: their classes are never cached. */
  private static final String UNCACHEABLE_INSTRUMENTATION = "rules";

  private final ClassLoader agentClassLoader;
  private final ClassFileFilter filter;
  private final Supplier<Rewriter> rewriterFactory;
  private volatile Rewriter rewriter;
  private final ClassCache cache;
  private final RejectedClassFiles rejected;
  private final AddedFieldAdmission addedFields;
  private final AgentMetrics metrics;
  private final ThreadLocal<Boolean> transforming = new ThreadLocal<>();
  private final AtomicInteger reportedErrors = new AtomicInteger();

  /** @param cache null when there is none, and then {@code rejected} too */
  InstrumentingTransformer(
      ClassLoader agentClassLoader,
      ClassFileFilter filter,
      Supplier<Rewriter> rewriterFactory,
      ClassCache cache,
      RejectedClassFiles rejected,
      AddedFieldAdmission addedFields,
      AgentMetrics metrics) {
    this.agentClassLoader = agentClassLoader;
    this.filter = filter;
    this.rewriterFactory = rewriterFactory;
    this.cache = cache;
    this.rejected = rejected;
    this.addedFields = addedFields;
    this.metrics = metrics;
  }

  /**
   * Made by the first class that needs it, or ahead of that on the warm-up thread. A monitor,
   * not a future: waiting here happens while a class loads, where nothing may load a class.
   */
  Rewriter rewriter() {
    Rewriter made = rewriter;
    if (made == null) {
      synchronized (this) {
        made = rewriter;
        if (made == null) {
          made = rewriterFactory.get();
          rewriter = made;
        }
      }
    }
    return made;
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
      if (classBeingRetransformed == null
          && !passes(filter, rejected, module, loader, internalName, classFile)) {
        return null;
      }
      // Describing a class can load JDK classes the agent has not used yet; their own
      // transformation must not start another one on this thread.
      if (transforming.get() != null) {
        return null;
      }
      transforming.set(Boolean.TRUE);
      try {
        return instrument(
            module, loader, internalName.replace('/', '.'), classBeingRetransformed, protectionDomain, classFile);
      } finally {
        transforming.remove();
      }
    } finally {
      // Runs for every class the JVM loads, the JDK's too: nothing here may load a class (see
      // AgentMetrics.transformationTook).
      metrics.transformationTook(System.nanoTime() - start);
    }
  }

  /**
   * The pre-filter as the transformer applies it, which {@code prepare-cache} must repeat.
   *
   * @param rejected what earlier starts rejected, and where this one adds what it rejects; null
   *     without a class cache
   */
  static boolean passes(
      ClassFileFilter filter,
      RejectedClassFiles rejected,
      Module module,
      ClassLoader loader,
      String internalName,
      byte[] classFile) {
    if (JdkClasses.contains(loader, module)) {
      return filter.acceptsName(internalName);
    }
    if (rejected == null) {
      return filter.accepts(internalName, classFile);
    }
    long key = RejectedClassFiles.keyOf(classFile);
    if (rejected.knows(key)) {
      return false;
    }
    if (filter.accepts(internalName, classFile)) {
      return true;
    }
    rejected.add(key);
    return false;
  }

  private byte[] instrument(
      Module module,
      ClassLoader loader,
      String typeName,
      Class<?> classBeingRetransformed,
      ProtectionDomain protectionDomain,
      byte[] classFile) {
    boolean mayAddFields =
        classBeingRetransformed == null
            ? addedFields.mayAddTo(loader, module)
            : addedFields.carriedBy(classBeingRetransformed);
    ClassCache.Lookup cached = null;
    if (cache != null) {
      cached = cache.lookup(loader, typeName.replace('.', '/'), classFile, mayAddFields);
      if (cached.stored != null) {
        return counted(cached.stored);
      }
    }
    List<String> matched = new ArrayList<>(2);
    try {
      Rewritten rewritten =
          rewriter().rewrite(loader, typeName, classFile, mayAddFields, matched);
      if (cached != null && !rewritten.instrumentations.contains(UNCACHEABLE_INSTRUMENTATION)) {
        cache.store(cached, rewritten);
      }
      return counted(rewritten);
    } catch (Throwable error) {
      failed(typeName, matched, error);
      return null;
    }
  }

  private byte[] counted(Rewritten rewritten) {
    for (String instrumentation : rewritten.instrumentations) {
      metrics.classTransformed(instrumentation);
    }
    return rewritten.bytes;
  }

  private void failed(String typeName, List<String> instrumentations, Throwable error) {
    for (String instrumentation : instrumentations) {
      metrics.transformationFailed(instrumentation);
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
