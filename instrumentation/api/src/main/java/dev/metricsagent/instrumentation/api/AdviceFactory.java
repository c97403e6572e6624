package dev.metricsagent.instrumentation.api;

import dev.metricsagent.bootstrap.AdviceErrors;
import java.util.List;
import java.util.function.Supplier;
import net.bytebuddy.asm.Advice;

/**
 * Builds advice transformers the one way every instrumentation should: advice classes are read
 * as class files from the agent's class loader and never loaded (they mention library types the
 * agent cannot see), and an exception thrown inside advice goes to {@link AdviceErrors}, never
 * into the application.
 */
public final class AdviceFactory {

  private final ClassLoader agentClassLoader;

  public AdviceFactory(ClassLoader agentClassLoader) {
    this.agentClassLoader = agentClassLoader;
  }

  /**
   * A transformer to which advice is added by class name: {@code .advice(named("x"), "a.XAdvice")}.
   * Its advice uses Byte Buddy's annotations alone, so the agent's own weaver may inline it.
   */
  public AdviceTransformer forAdvice() {
    return new AdviceTransformer(null, List.of(), agentClassLoader);
  }

  /**
   * The same, for advice with custom annotations bound to values (method rules): Byte Buddy binds
   * them through {@code mapping} (made only when Byte Buddy weaves: it loads {@code Advice}), the
   * agent's own weaver through {@code wovenBindings}, which must bind the same annotations to the
   * same values.
   */
  public AdviceTransformer forAdvice(
      Supplier<Advice.WithCustomMapping> mapping, List<WovenBinding> wovenBindings) {
    return new AdviceTransformer(mapping, List.copyOf(wovenBindings), agentClassLoader);
  }
}
