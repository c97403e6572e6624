package dev.metricsagent.instrumentation.jdbc;

import dev.metricsagent.bootstrap.jdbc.JdbcBridge;
import net.bytebuddy.asm.Advice;

/** {@code HikariPool.getConnection(timeout)}: the wait, under the pool's name. */
public final class HikariGetConnectionAdvice {

  private HikariGetConnectionAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static long enter() {
    return JdbcBridge.acquireEnter();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(
      @Advice.This Object pool, @Advice.Enter long start, @Advice.Thrown Throwable thrown) {
    JdbcBridge.hikariAcquireExit(pool, start, thrown);
  }
}
