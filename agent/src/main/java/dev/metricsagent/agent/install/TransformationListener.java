package dev.metricsagent.agent.install;

import dev.metricsagent.agent.selfmetrics.AgentMetrics;
import java.util.concurrent.atomic.AtomicInteger;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/**
 * Counts what Byte Buddy did with each class as it loaded, in the agent's self-metrics. Byte
 * Buddy calls it on the loading thread: discovery, then the transformation (during which
 * {@link CountingTransformer} notes which instrumentation matched), then completion.
 */
final class TransformationListener extends AgentBuilder.Listener.Adapter {

  private static final int MAX_REPORTED_ERRORS = 10;

  private final AgentMetrics metrics;
  private final AtomicInteger reportedErrors = new AtomicInteger();

  TransformationListener(AgentMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void onDiscovery(String typeName, ClassLoader loader, JavaModule module, boolean loaded) {
    CurrentTransformation.get().begin();
  }

  @Override
  public void onTransformation(
      TypeDescription type,
      ClassLoader loader,
      JavaModule module,
      boolean loaded,
      DynamicType dynamicType) {
    for (String instrumentation : CurrentTransformation.get().instrumentations()) {
      metrics.classTransformed(instrumentation);
    }
  }

  @Override
  public void onError(
      String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
    CurrentTransformation current = CurrentTransformation.get();
    for (String instrumentation : current.instrumentations()) {
      metrics.transformationFailed(instrumentation);
    }
    if (reportedErrors.incrementAndGet() <= MAX_REPORTED_ERRORS) {
      System.err.println(
          "metrics-agent: could not instrument "
              + typeName
              + " ("
              + String.join(", ", current.instrumentations())
              + "); it runs unchanged and is counted in metrics_agent_transformation_errors_total: "
              + error);
    }
  }

  @Override
  public void onComplete(String typeName, ClassLoader loader, JavaModule module, boolean loaded) {
    CurrentTransformation.get().end();
  }
}
