package dev.metricsagent.instrumentation.jdbc;

import dev.metricsagent.bootstrap.jdbc.JdbcBridge;
import net.bytebuddy.asm.Advice;

/** A HikariPool was constructed: its connection counts are reported from now on. */
public final class HikariPoolStartAdvice {

  private HikariPoolStartAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(@Advice.This Object pool) {
    JdbcBridge.hikariPoolStarted(pool);
  }
}
