package dev.metricsagent.agent.install;

import java.security.ProtectionDomain;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/** Notes, for the self-metrics, which instrumentation a transformation belongs to. */
final class CountingTransformer implements AgentBuilder.Transformer {

  private final String instrumentation;
  private final AgentBuilder.Transformer delegate;

  CountingTransformer(String instrumentation, AgentBuilder.Transformer delegate) {
    this.instrumentation = instrumentation;
    this.delegate = delegate;
  }

  @Override
  public DynamicType.Builder<?> transform(
      DynamicType.Builder<?> builder,
      TypeDescription type,
      ClassLoader loader,
      JavaModule module,
      ProtectionDomain protectionDomain) {
    CurrentTransformation.get().matched(instrumentation);
    return delegate.transform(builder, type, loader, module, protectionDomain);
  }
}
