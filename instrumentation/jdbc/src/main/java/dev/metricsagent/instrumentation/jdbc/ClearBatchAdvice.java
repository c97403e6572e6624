package dev.metricsagent.instrumentation.jdbc;

import dev.metricsagent.bootstrap.jdbc.JdbcBridge;
import net.bytebuddy.asm.Advice;

/** {@code Statement.clearBatch()}. */
public final class ClearBatchAdvice {

  private ClearBatchAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static boolean enter() {
    return JdbcBridge.batchChangeEnter();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(
      @Advice.This Object statement, @Advice.Enter boolean outermost, @Advice.Thrown Throwable thrown) {
    JdbcBridge.batchChangeExit(outermost, statement, null, thrown);
  }
}
