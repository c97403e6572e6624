package dev.metricsagent.instrumentation.api;

import dev.metricsagent.bootstrap.AdviceErrors;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.implementation.bytecode.StackManipulation;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;

/**
 * Builds advice transformers the one way every instrumentation should: advice classes are read
 * as class files from the agent's class loader and never loaded (they mention library types the
 * agent cannot see), and an exception thrown inside advice goes to {@link AdviceErrors}, never
 * into the application.
 */
public final class AdviceFactory {

  private final ClassLoader agentClassLoader;
  private final ClassFileLocator classFileLocator;
  private final Advice.ExceptionHandler exceptionHandler;

  public AdviceFactory(ClassLoader agentClassLoader) {
    this.agentClassLoader = agentClassLoader;
    this.classFileLocator = ClassFileLocator.ForClassLoader.of(agentClassLoader);
    this.exceptionHandler = new Advice.ExceptionHandler.Simple(recordAdviceError());
  }

  private static StackManipulation recordAdviceError() {
    try {
      return MethodInvocation.invoke(
          new MethodDescription.ForLoadedMethod(
              AdviceErrors.class.getMethod("record", Throwable.class)));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A transformer to which advice is added by class name: {@code .advice(named("x"), "a.XAdvice")}. */
  public AgentBuilder.Transformer.ForAdvice forAdvice() {
    return new AgentBuilder.Transformer.ForAdvice()
        .include(agentClassLoader)
        .withExceptionHandler(exceptionHandler);
  }

  /** For instrumentations that build their own {@link Advice} (custom offset mappings). */
  public ClassFileLocator classFileLocator() {
    return classFileLocator;
  }

  public Advice.ExceptionHandler exceptionHandler() {
    return exceptionHandler;
  }
}
