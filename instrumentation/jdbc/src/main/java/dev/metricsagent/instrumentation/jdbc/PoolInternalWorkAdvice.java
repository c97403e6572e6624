package dev.metricsagent.instrumentation.jdbc;

import dev.metricsagent.bootstrap.jdbc.JdbcBridge;
import net.bytebuddy.asm.Advice;

/** Around a pool's own work: nothing inside it is recorded. */
public final class PoolInternalWorkAdvice {

  private PoolInternalWorkAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter() {
    JdbcBridge.poolInternalEnter();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit() {
    JdbcBridge.poolInternalExit();
  }
}
