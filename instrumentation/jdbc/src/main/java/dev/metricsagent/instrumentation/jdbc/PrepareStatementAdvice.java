package dev.metricsagent.instrumentation.jdbc;

import dev.metricsagent.bootstrap.jdbc.JdbcBridge;
import net.bytebuddy.asm.Advice;

/** {@code Connection.prepareStatement(sql, ...)} and {@code prepareCall(sql, ...)}. */
public final class PrepareStatementAdvice {

  private PrepareStatementAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter() {
    JdbcBridge.prepareEnter();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(
      @Advice.This Object connection,
      @Advice.Argument(0) String sql,
      @Advice.Return Object statement,
      @Advice.Thrown Throwable thrown) {
    JdbcBridge.prepareExit(connection, statement, sql, thrown);
  }
}
