package dev.metricsagent.agent.install;

import java.util.ArrayList;
import java.util.List;

/** Per loading thread: when the current class's transformation began and who matched it. */
final class CurrentTransformation {

  private static final ThreadLocal<CurrentTransformation> CURRENT =
      ThreadLocal.withInitial(CurrentTransformation::new);

  private final List<String> instrumentations = new ArrayList<>(2);
  private long startNanos;

  static CurrentTransformation get() {
    return CURRENT.get();
  }

  void begin() {
    instrumentations.clear();
    startNanos = System.nanoTime();
  }

  void matched(String instrumentation) {
    instrumentations.add(instrumentation);
  }

  List<String> instrumentations() {
    return instrumentations;
  }

  /** Returns the nanoseconds since {@link #begin()}. */
  long end() {
    instrumentations.clear();
    return System.nanoTime() - startNanos;
  }
}
