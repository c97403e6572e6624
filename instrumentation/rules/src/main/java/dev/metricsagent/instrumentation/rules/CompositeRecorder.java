package dev.metricsagent.instrumentation.rules;

import dev.metricsagent.bootstrap.rules.MethodRecorder;

/** A method that several rules select: each rule's metric records the call. */
final class CompositeRecorder implements MethodRecorder {

  private final MethodRecorder[] recorders;

  CompositeRecorder(MethodRecorder[] recorders) {
    this.recorders = recorders.clone();
  }

  @Override
  public void record(long durationNanos, Throwable thrown, Object a0, Object a1, Object a2) {
    for (MethodRecorder recorder : recorders) {
      recorder.record(durationNanos, thrown, a0, a1, a2);
    }
  }
}
