package dev.metricsagent.instrumentation.jdbc;

import dev.metricsagent.bootstrap.jdbc.JdbcBridge;
import net.bytebuddy.asm.Advice;

/**
 * {@code Statement.close()}: the statement's entry leaves the agent's map now. Applications
 * prepare a statement per query (no pool caches JDBC statement objects by default), and entries
 * left for the garbage collector to clear would grow the map and cost reference processing.
 */
public final class CloseStatementAdvice {

  private CloseStatementAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(@Advice.This Object statement) {
    JdbcBridge.statementClosed(statement);
  }
}
