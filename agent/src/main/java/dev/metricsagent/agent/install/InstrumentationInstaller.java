package dev.metricsagent.agent.install;


import dev.metricsagent.agent.selfmetrics.AgentMetrics;
import dev.metricsagent.instrumentation.api.AdviceFactory;
import dev.metricsagent.instrumentation.api.ClassFileFilter;
import dev.metricsagent.instrumentation.api.InstrumentationModule;
import dev.metricsagent.instrumentation.api.TypeInstrumentation;
import java.lang.instrument.Instrumentation;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatchers;

/** Turns the active instrumentation modules into one Byte Buddy transformer on the JVM. */
public final class InstrumentationInstaller {

  private final ClassLoader agentClassLoader;
  private final AgentMetrics metrics;

  public InstrumentationInstaller(ClassLoader agentClassLoader, AgentMetrics metrics) {
    this.agentClassLoader = agentClassLoader;
    this.metrics = metrics;
  }

  public void install(Instrumentation instrumentation, List<InstrumentationModule> modules) {
    // Without anything to transform, Byte Buddy is not even loaded: that saves startup time.
    if (modules.stream().allMatch(module -> module.typeInstrumentations().isEmpty())) {
      return;
    }
    ByteBuddySafeMode.enable();
    AdviceFactory advice = new AdviceFactory(agentClassLoader);
    ClassFileFilter filter = ClassFileFilter.none();
    for (InstrumentationModule module : modules) {
      for (TypeInstrumentation type : module.typeInstrumentations()) {
        filter = filter.or(type.classFileFilter());
      }
    }
    AgentBuilder builder = baseBuilder(filter, instrumentation);
    for (InstrumentationModule module : modules) {
      for (TypeInstrumentation type : module.typeInstrumentations()) {
        builder =
            builder
                .type(type.typeMatcher(), type.classLoaderMatcher())
                .transform(new CountingTransformer(module.name(), type.transformer(advice)));
      }
    }
    builder.installOn(instrumentation);
  }

  private AgentBuilder baseBuilder(ClassFileFilter filter, Instrumentation instrumentation) {
    PrefilteredDiscovery discovery = new PrefilteredDiscovery(filter);
    return new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
        // Advice only adds code to existing methods: classes keep their shape, which is what
        // retransformation of already loaded classes requires, and what keeps them safe.
        .disableClassFormatChanges()
        .with(redefinitionStrategy(discovery, instrumentation))
        .with(discovery)
        .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
        .with(AgentBuilder.TypeStrategy.Default.DECORATE)
        // Super types parsed once per class loader, not once per class that extends them.
        .with(new TypePoolCache())
        // Weak: never keep a webapp's class loader alive through the agent.
        .with(AgentBuilder.LocationStrategy.ForClassLoader.WEAK)
        .with(new TransformationListener(metrics))
        .with(
            (AgentBuilder.TransformerDecorator)
                byteBuddy -> new PrefilteringTransformer(byteBuddy, filter, metrics))
        .ignore(IgnoredTypes.matcher())
        // The agent's own code lives in its class loader, whatever its package.
        .or(ElementMatchers.any(), ElementMatchers.is(agentClassLoader));
  }

  /**
   * Retransformation of classes loaded before the agent, only when there are some to retransform:
   * Byte Buddy's retransformation machinery costs about 100 ms of startup even with nothing to do,
   * and when premain runs, the classes the instrumentations want (servlet containers, drivers, the
   * JDK's HTTP clients) are usually not loaded yet. Late attach (agentmain) finds them loaded.
   */
  private static AgentBuilder.RedefinitionStrategy redefinitionStrategy(
      PrefilteredDiscovery discovery, Instrumentation instrumentation) {
    return discovery.candidates(instrumentation).isEmpty()
        ? AgentBuilder.RedefinitionStrategy.DISABLED
        : AgentBuilder.RedefinitionStrategy.RETRANSFORMATION;
  }
}
