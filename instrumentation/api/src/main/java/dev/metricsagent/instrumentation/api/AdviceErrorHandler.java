package dev.metricsagent.instrumentation.api;

import dev.metricsagent.bootstrap.AdviceErrors;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;

/**
 * What Byte Buddy's {@code Advice} does with an exception thrown inside advice: hands it to
 * {@link AdviceErrors}. A class of its own, initialised when Byte Buddy first weaves advice, so
 * that a start whose advice the agent's own weaver inlines never loads Byte Buddy's descriptions.
 */
final class AdviceErrorHandler {

  static final Advice.ExceptionHandler INSTANCE = new Advice.ExceptionHandler.Simple(recordAdviceError());

  private AdviceErrorHandler() {}

  private static MethodInvocation.WithImplicitInvocationTargetType recordAdviceError() {
    try {
      return MethodInvocation.invoke(
          new MethodDescription.ForLoadedMethod(AdviceErrors.class.getMethod("record", Throwable.class)));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }
}
