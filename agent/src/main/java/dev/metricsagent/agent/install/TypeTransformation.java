package dev.metricsagent.agent.install;

import dev.metricsagent.instrumentation.api.AdviceFactory;
import dev.metricsagent.instrumentation.api.TypeInstrumentation;
import java.security.ProtectionDomain;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/** One {@link TypeInstrumentation} of one module, ready to match and rewrite types. */
final class TypeTransformation {

  private final String instrumentation;
  private final ElementMatcher<ClassLoader> classLoaderMatcher;
  private final ElementMatcher<TypeDescription> typeMatcher;
  private final AgentBuilder.Transformer transformer;

  TypeTransformation(String instrumentation, TypeInstrumentation type, AdviceFactory advice) {
    this.instrumentation = instrumentation;
    this.classLoaderMatcher = type.classLoaderMatcher();
    this.typeMatcher = type.typeMatcher();
    this.transformer = type.transformer(advice);
  }

  /** The module's name, which labels the agent's self-metrics. */
  String instrumentation() {
    return instrumentation;
  }

  /** The class loader first: its check is cached, the type's may parse super types. */
  boolean matches(TypeDescription type, ClassLoader loader) {
    return classLoaderMatcher.matches(loader) && typeMatcher.matches(type);
  }

  /** The type matcher alone, for {@link Rewriter#warmUp}. */
  boolean matchesType(TypeDescription type) {
    return typeMatcher.matches(type);
  }

  DynamicType.Builder<?> apply(
      DynamicType.Builder<?> builder,
      TypeDescription type,
      ClassLoader loader,
      JavaModule module,
      ProtectionDomain protectionDomain) {
    return transformer.transform(builder, type, loader, module, protectionDomain);
  }
}
