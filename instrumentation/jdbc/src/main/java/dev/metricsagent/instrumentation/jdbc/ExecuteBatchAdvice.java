package dev.metricsagent.instrumentation.jdbc;

import dev.metricsagent.bootstrap.jdbc.JdbcBridge;
import net.bytebuddy.asm.Advice;

/** {@code executeBatch()} and {@code executeLargeBatch()}: one observation per batch. */
public final class ExecuteBatchAdvice {

  private ExecuteBatchAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static long enter() {
    return JdbcBridge.executeEnter();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(
      @Advice.This Object statement, @Advice.Enter long start, @Advice.Thrown Throwable thrown) {
    JdbcBridge.executeBatchExit(statement, start, thrown);
  }
}
