package dev.metricsagent.bootstrap.rules;

/**
 * Records one call of one instrumented method into the metrics of the rules that selected it.
 * Implemented by the rules module with Prometheus data points resolved when the method was
 * instrumented, so that a call costs an observation and nothing else.
 */
public interface MethodRecorder {

  /**
   * @param durationNanos how long the call took; 0 for methods only counted
   * @param thrown what the method threw, null when it returned
   * @param a0 the first argument a label reads ({@code {argN}}), null when no label reads one
   * @param a1 the second such argument, or null
   * @param a2 the third such argument, or null
   */
  void record(long durationNanos, Throwable thrown, Object a0, Object a1, Object a2);
}
