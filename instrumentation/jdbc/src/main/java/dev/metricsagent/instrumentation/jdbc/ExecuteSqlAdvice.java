package dev.metricsagent.instrumentation.jdbc;

import dev.metricsagent.bootstrap.jdbc.JdbcBridge;
import net.bytebuddy.asm.Advice;

/** {@code execute(sql)}, {@code executeQuery(sql)}, {@code executeUpdate(sql, ...)}, ... */
public final class ExecuteSqlAdvice {

  private ExecuteSqlAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static long enter() {
    return JdbcBridge.executeEnter();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(
      @Advice.This Object statement,
      @Advice.Argument(0) String sql,
      @Advice.Enter long start,
      @Advice.Thrown Throwable thrown) {
    JdbcBridge.executeExit(statement, sql, start, thrown);
  }
}
