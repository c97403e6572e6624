package dev.metricsagent.instrumentation.rules;

import dev.metricsagent.bootstrap.rules.MethodRules;
import net.bytebuddy.asm.Advice;

/** Inlined into methods (and constructors) only counter rules select: one increment per call, on entry. */
public final class CountedMethodAdvice {

  private CountedMethodAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@MethodId int id, @LabelArgument(0) Object a0, @LabelArgument(1) Object a1,
      @LabelArgument(2) Object a2) {
    MethodRules.counted(id, a0, a1, a2);
  }
}
