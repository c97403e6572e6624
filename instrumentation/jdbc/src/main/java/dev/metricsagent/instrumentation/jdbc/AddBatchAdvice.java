package dev.metricsagent.instrumentation.jdbc;

import dev.metricsagent.bootstrap.jdbc.JdbcBridge;
import net.bytebuddy.asm.Advice;

/** {@code Statement.addBatch(sql)}: what a plain statement's batch will run. */
public final class AddBatchAdvice {

  private AddBatchAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static boolean enter() {
    return JdbcBridge.batchChangeEnter();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(
      @Advice.This Object statement,
      @Advice.Argument(0) String sql,
      @Advice.Enter boolean outermost,
      @Advice.Thrown Throwable thrown) {
    JdbcBridge.batchChangeExit(outermost, statement, sql, thrown);
  }
}
