package dev.metricsagent.instrumentation.jdbc;

import dev.metricsagent.bootstrap.jdbc.JdbcBridge;
import net.bytebuddy.asm.Advice;

/** The no-argument {@code execute()}, {@code executeQuery()}, ... of prepared and callable statements. */
public final class ExecutePreparedAdvice {

  private ExecutePreparedAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static long enter() {
    return JdbcBridge.executeEnter();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(
      @Advice.This Object statement, @Advice.Enter long start, @Advice.Thrown Throwable thrown) {
    JdbcBridge.executeExit(statement, null, start, thrown);
  }
}
