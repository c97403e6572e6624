package dev.metricsagent.agent.install;

import dev.metricsagent.agent.selfmetrics.AgentMetrics;
import dev.metricsagent.instrumentation.api.ClassFileFilter;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The agent's one class-file transformer: for each class the JVM loads (or retransforms), the
 * instrumentations whose filters and matchers want it add their advice ({@link Rewriter}).
 *
 * <p>Written for this agent instead of Byte Buddy's {@code AgentBuilder}, which covers far more
 * than advice on existing methods and costs startup for it: installing one generates a class at
 * runtime (its Java 9 transformer) and loads a few hundred classes more, 150-250 ms of premain on
 * a 2-core machine. Here, a class no {@link ClassFileFilter} accepts costs a hash lookup or one
 * pass over its constant pool; only the others reach Byte Buddy.
 *
 * <p>The {@link Rewriter}, whose making loads most of Byte Buddy, is made on an agent thread
 * while the application starts, not in premain. A class that needs it before it is ready waits
 * for it (or makes it, if no thread has started to), so no class is ever left out for being
 * early.
 */
final class InstrumentingTransformer implements ClassFileTransformer {

  /** Long enough for any machine to make the rewriter; short enough to never hang a start. */
  private static final long REWRITER_WAIT_SECONDS = 30;

  private final ClassLoader agentClassLoader;
  private final ClassFileFilter filter;
  private final FutureTask<Rewriter> rewriter;
  private final AgentMetrics metrics;
  private final ThreadLocal<Boolean> transforming = new ThreadLocal<>();
  private final AtomicBoolean rewriterFailureReported = new AtomicBoolean();

  InstrumentingTransformer(
      ClassLoader agentClassLoader,
      ClassFileFilter filter,
      FutureTask<Rewriter> rewriter,
      AgentMetrics metrics) {
    this.agentClassLoader = agentClassLoader;
    this.filter = filter;
    this.rewriter = rewriter;
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
      // Making the rewriter or describing a class can load JDK classes the agent has not used
      // yet; their own transformation must not start another one on this thread (nor wait for
      // the rewriter this thread is making).
      if (transforming.get() != null) {
        return null;
      }
      transforming.set(Boolean.TRUE);
      try {
        Rewriter ready = awaitRewriter();
        return ready == null
            ? null
            : ready.rewrite(module, loader, internalName.replace('/', '.'), protectionDomain, classFile);
      } finally {
        transforming.remove();
      }
    } finally {
      metrics.transformationTook(System.nanoTime() - start);
    }
  }

  /** Makes the rewriter on the calling agent thread, unless a class loaded first already did. */
  void prepareRewriter() {
    transforming.set(Boolean.TRUE);
    try {
      rewriter.run();
    } finally {
      transforming.remove();
    }
  }

  /** The rewriter once made, or null if it could not be (reported once; nothing is rewritten). */
  Rewriter awaitRewriter() {
    rewriter.run(); // makes it here unless another thread is making or has made it
    try {
      return rewriter.get(REWRITER_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      if (rewriterFailureReported.compareAndSet(false, true)) {
        System.err.println(
            "metrics-agent: could not prepare the instrumentations, so classes run unchanged: "
                + cause);
      }
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
