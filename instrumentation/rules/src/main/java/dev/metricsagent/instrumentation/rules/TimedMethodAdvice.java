package dev.metricsagent.instrumentation.rules;

import dev.metricsagent.bootstrap.rules.MethodRules;
import net.bytebuddy.asm.Advice;

/** Inlined into methods a timer rule selects: the time of every call, returned or thrown. */
public final class TimedMethodAdvice {

  private TimedMethodAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static long enter() {
    return System.nanoTime();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(@MethodId int id, @Advice.Enter long startNanos, @Advice.Thrown Throwable thrown,
      @LabelArgument(0) Object a0, @LabelArgument(1) Object a1, @LabelArgument(2) Object a2) {
    MethodRules.timed(id, startNanos, thrown, a0, a1, a2);
  }
}
