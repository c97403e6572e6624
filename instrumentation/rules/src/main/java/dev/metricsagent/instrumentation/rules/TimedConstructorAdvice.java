package dev.metricsagent.instrumentation.rules;

import dev.metricsagent.bootstrap.rules.MethodRules;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into constructors a timer rule selects. The JVM does not let code catch what a
 * constructor throws before {@code super(...)} returns, so only constructors that return are
 * timed.
 */
public final class TimedConstructorAdvice {

  private TimedConstructorAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static long enter() {
    return System.nanoTime();
  }

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(@MethodId int id, @Advice.Enter long startNanos,
      @LabelArgument(0) Object a0, @LabelArgument(1) Object a1, @LabelArgument(2) Object a2) {
    MethodRules.timed(id, startNanos, null, a0, a1, a2);
  }
}
