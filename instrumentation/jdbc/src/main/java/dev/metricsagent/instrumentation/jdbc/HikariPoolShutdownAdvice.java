package dev.metricsagent.instrumentation.jdbc;

import dev.metricsagent.bootstrap.jdbc.JdbcBridge;
import net.bytebuddy.asm.Advice;

/** A HikariPool was shut down: its connection counts are no longer reported. */
public final class HikariPoolShutdownAdvice {

  private HikariPoolShutdownAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(@Advice.This Object pool) {
    JdbcBridge.hikariPoolClosed(pool);
  }
}
