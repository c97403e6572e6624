package dev.metricsagent.agent.install;

import java.util.ArrayList;
import java.util.List;

/** Per loading thread: which instrumentations matched the class being transformed. */
final class CurrentTransformation {

  private static final ThreadLocal<CurrentTransformation> CURRENT =
      ThreadLocal.withInitial(CurrentTransformation::new);

  private final List<String> instrumentations = new ArrayList<>(2);

  static CurrentTransformation get() {
    return CURRENT.get();
  }

  void begin() {
    instrumentations.clear();
  }

  void matched(String instrumentation) {
    instrumentations.add(instrumentation);
  }

  List<String> instrumentations() {
    return instrumentations;
  }

  void end() {
    instrumentations.clear();
  }
}
