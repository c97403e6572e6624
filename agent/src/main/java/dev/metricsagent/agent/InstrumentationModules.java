package dev.metricsagent.agent;

import dev.metricsagent.config.AgentConfig;
import dev.metricsagent.instrumentation.api.InstrumentationModule;
import dev.metricsagent.instrumentation.httpclient.HttpClientModule;
import dev.metricsagent.instrumentation.jdbc.JdbcModule;
import dev.metricsagent.instrumentation.rules.RulesModule;
import dev.metricsagent.instrumentation.servlet.ServletModule;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every instrumentation the agent has. An explicit list rather than a service lookup: it is
 * read at every JVM start, and scanning for service files costs startup time.
 */
public final class InstrumentationModules {

  private InstrumentationModules() {}

  public static List<InstrumentationModule> all() {
    return List.of(new RulesModule(), new HttpClientModule(), new ServletModule(), new JdbcModule());
  }

  /** The modules the configuration enables, in the order of {@link #all}. */
  public static List<InstrumentationModule> active(AgentConfig config) {
    return all().stream().filter(module -> module.enabled(config)).collect(Collectors.toList());
  }

  public static List<String> names(List<InstrumentationModule> modules) {
    return modules.stream().map(InstrumentationModule::name).collect(Collectors.toList());
  }
}
