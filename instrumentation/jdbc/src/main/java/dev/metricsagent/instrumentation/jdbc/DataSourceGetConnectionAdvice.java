package dev.metricsagent.instrumentation.jdbc;

import dev.metricsagent.bootstrap.jdbc.JdbcBridge;
import net.bytebuddy.asm.Advice;

/** {@code DataSource.getConnection()} and {@code getConnection(user, password)}. */
public final class DataSourceGetConnectionAdvice {

  private DataSourceGetConnectionAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static long enter() {
    return JdbcBridge.acquireEnter();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(
      @Advice.This Object dataSource, @Advice.Enter long start, @Advice.Thrown Throwable thrown) {
    JdbcBridge.dataSourceAcquireExit(dataSource, start, thrown);
  }
}
