package dev.metricsagent.bootstrap.rules;

import dev.metricsagent.bootstrap.AgentThreads;

/**
 * What the advice of YAML method rules calls. Each instrumented method has an int id, a constant
 * in its rewritten bytecode; the id indexes an array of recorders filled when the method is
 * instrumented, which is always before it can run. Until a recorder is installed, calls do
 * nothing.
 */
public final class MethodRules {

  private static final Object INSTALL_LOCK = new Object();

  /**
   * Grown by copying, written under {@link #INSTALL_LOCK}; volatile so that a reader sees the
   * slots filled before the last write of this field.
   */
  private static volatile MethodRecorder[] recorders = new MethodRecorder[64];

  private MethodRules() {}

  /** A timed method returned or threw: records the time since {@code startNanos}. */
  public static void timed(int id, long startNanos, Throwable thrown, Object a0, Object a1, Object a2) {
    long durationNanos = System.nanoTime() - startNanos;
    MethodRecorder[] all = recorders;
    if (id < all.length) {
      MethodRecorder recorder = all[id];
      if (recorder != null && !AgentThreads.isCurrent()) {
        recorder.record(durationNanos, thrown, a0, a1, a2);
      }
    }
  }

  /** A counted method was entered. */
  public static void counted(int id, Object a0, Object a1, Object a2) {
    MethodRecorder[] all = recorders;
    if (id < all.length) {
      MethodRecorder recorder = all[id];
      if (recorder != null && !AgentThreads.isCurrent()) {
        recorder.record(0L, null, a0, a1, a2);
      }
    }
  }

  /** Connects a method id to its recorder; called while the method's class is transformed. */
  public static void install(int id, MethodRecorder recorder) {
    synchronized (INSTALL_LOCK) {
      MethodRecorder[] all = recorders;
      if (id >= all.length) {
        MethodRecorder[] grown = new MethodRecorder[Math.max(all.length * 2, id + 1)];
        System.arraycopy(all, 0, grown, 0, all.length);
        all = grown;
      }
      all[id] = recorder;
      recorders = all; // the volatile write publishes the slot, also when the array is the same
    }
  }
}
