package dev.metricsagent.agent;

import dev.metricsagent.instrumentation.api.InstrumentationModule;
import dev.metricsagent.instrumentation.httpclient.HttpClientModule;
import dev.metricsagent.instrumentation.jdbc.JdbcModule;
import dev.metricsagent.instrumentation.rules.RulesModule;
import dev.metricsagent.instrumentation.servlet.ServletModule;
import java.util.List;

/**
 * Every instrumentation the agent has. An explicit list rather than a service lookup: it is
 * read at every JVM start, and scanning for service files costs startup time.
 */
final class InstrumentationModules {

  private InstrumentationModules() {}

  static List<InstrumentationModule> all() {
    return List.of(new RulesModule(), new HttpClientModule(), new ServletModule(), new JdbcModule());
  }
}
