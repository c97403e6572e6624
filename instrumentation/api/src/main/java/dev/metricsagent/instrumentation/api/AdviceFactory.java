package dev.metricsagent.instrumentation.api;

import dev.metricsagent.bootstrap.AdviceErrors;
import java.util.List;
import java.util.function.Supplier;
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

  private final ClassFileLocator classFileLocator;
  /**
   * Made when Byte Buddy first weaves advice: a start whose advice the agent's own weaver inlines
   * never loads the reflection this needs.
   */
  private volatile Advice.ExceptionHandler exceptionHandler;

  public AdviceFactory(ClassLoader agentClassLoader) {
    this.classFileLocator = ClassFileLocator.ForClassLoader.of(agentClassLoader);
  }

  Advice.ExceptionHandler exceptionHandler() {
    Advice.ExceptionHandler handler = exceptionHandler;
    if (handler == null) {
      handler = new Advice.ExceptionHandler.Simple(recordAdviceError());
      exceptionHandler = handler;
    }
    return handler;
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

  /**
   * A transformer to which advice is added by class name: {@code .advice(named("x"), "a.XAdvice")}.
   * Its advice uses Byte Buddy's annotations alone, so the agent's own weaver may inline it.
   */
  public AdviceTransformer forAdvice() {
    return new AdviceTransformer(null, List.of(), classFileLocator, this);
  }

  /**
   * The same, for advice with custom annotations bound to values (method rules): Byte Buddy binds
   * them through {@code mapping} (made only when Byte Buddy weaves: it loads {@code Advice}), the
   * agent's own weaver through {@code wovenBindings}, which must bind the same annotations to the
   * same values.
   */
  public AdviceTransformer forAdvice(
      Supplier<Advice.WithCustomMapping> mapping, List<WovenBinding> wovenBindings) {
    return new AdviceTransformer(mapping, List.copyOf(wovenBindings), classFileLocator, this);
  }
}
