package dev.metricsagent.agent.install;

import dev.metricsagent.agent.selfmetrics.AgentMetrics;
import dev.metricsagent.instrumentation.api.ClassFileFilter;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

/**
 * Stands in front of Byte Buddy's transformer: a class that no instrumentation's {@link
 * ClassFileFilter} accepts is returned untouched before Byte Buddy describes it, and the time
 * spent on every class, skipped or not, is counted in {@code
 * metrics_agent_transformation_seconds_total}. Classes being retransformed were already chosen
 * by Byte Buddy's matchers and go straight through.
 */
final class PrefilteringTransformer extends ResettableClassFileTransformer.WithDelegation {

  private final ClassFileFilter filter;
  private final AgentMetrics metrics;

  PrefilteringTransformer(
      ResettableClassFileTransformer byteBuddy, ClassFileFilter filter, AgentMetrics metrics) {
    super(byteBuddy);
    this.filter = filter;
    this.metrics = metrics;
  }

  @Override
  public byte[] transform(
      ClassLoader loader,
      String internalName,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain,
      byte[] classFile)
      throws IllegalClassFormatException {
    long start = System.nanoTime();
    try {
      if (classBeingRedefined == null && !filter.accepts(internalName, classFile)) {
        return null;
      }
      return classFileTransformer.transform(
          loader, internalName, classBeingRedefined, protectionDomain, classFile);
    } finally {
      metrics.transformationTook(System.nanoTime() - start);
    }
  }

  /** The variant the JVM calls since Java 9; Byte Buddy needs the module for read edges. */
  @Override
  public byte[] transform(
      Module module,
      ClassLoader loader,
      String internalName,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain,
      byte[] classFile)
      throws IllegalClassFormatException {
    long start = System.nanoTime();
    try {
      if (classBeingRedefined == null && !filter.accepts(internalName, classFile)) {
        return null;
      }
      return classFileTransformer.transform(
          module, loader, internalName, classBeingRedefined, protectionDomain, classFile);
    } finally {
      metrics.transformationTook(System.nanoTime() - start);
    }
  }
}
