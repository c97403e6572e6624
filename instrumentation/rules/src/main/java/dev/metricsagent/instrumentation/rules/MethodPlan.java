package dev.metricsagent.instrumentation.rules;

/** How one selected method is instrumented: its id in the bridge, timed or counted, which arguments to pass. */
final class MethodPlan {

  private final int id;
  private final boolean timed;
  private final int[] argumentIndexes;

  MethodPlan(int id, boolean timed, int[] argumentIndexes) {
    this.id = id;
    this.timed = timed;
    this.argumentIndexes = argumentIndexes.clone();
  }

  /** The index into the bridge's recorders. */
  int id() {
    return id;
  }

  /** Whether a timer rule selects the method (counter rules are then recorded on exit too). */
  boolean timed() {
    return timed;
  }

  /** The parameter index the advice passes in argument slot {@code slot}, or -1 for none (null). */
  int argumentIndex(int slot) {
    return slot < argumentIndexes.length ? argumentIndexes[slot] : -1;
  }
}
