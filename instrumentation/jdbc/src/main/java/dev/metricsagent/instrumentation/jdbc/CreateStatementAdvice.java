package dev.metricsagent.instrumentation.jdbc;

import dev.metricsagent.bootstrap.jdbc.JdbcBridge;
import net.bytebuddy.asm.Advice;

/** {@code Connection.createStatement(...)}: a plain statement, its SQL comes with each execute. */
public final class CreateStatementAdvice {

  private CreateStatementAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter() {
    JdbcBridge.prepareEnter();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(
      @Advice.This Object connection,
      @Advice.Return Object statement,
      @Advice.Thrown Throwable thrown) {
    JdbcBridge.prepareExit(connection, statement, null, thrown);
  }
}
