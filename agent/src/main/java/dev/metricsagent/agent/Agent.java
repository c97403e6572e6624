package dev.metricsagent.agent;

import dev.metricsagent.agent.exporter.MetricsServer;
import dev.metricsagent.agent.exporter.PushgatewayExporter;
import dev.metricsagent.agent.install.ClassCacheBuild;
import dev.metricsagent.agent.install.InstrumentationInstaller;
import dev.metricsagent.agent.selfmetrics.AgentMetrics;
import dev.metricsagent.config.AgentConfig;
import dev.metricsagent.config.ConfigException;
import dev.metricsagent.config.ConfigLoader;
import dev.metricsagent.instrumentation.api.InstrumentationContext;
import dev.metricsagent.instrumentation.api.InstrumentationModule;
import dev.metricsagent.instrumentation.api.Meters;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.File;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.jar.JarFile;

/**
 * The agent proper, started by {@code AgentLauncher} inside the isolated agent class loader:
 * configuration, then metrics, then instrumentation beside the exporters (JVM metrics, the
 * /metrics server, the Pushgateway), then the startup line once both are done. premain returns
 * as soon as the instrumentation is in place. Any failure is reported and contained: the
 * application always starts.
 */
public final class Agent {

  /** Exit status when fail_fast stops the JVM on a configuration error (EX_CONFIG). */
  private static final int EXIT_CONFIG_ERROR = 78;

  private Agent() {}

  public static void start(
      String agentArgs, Instrumentation instrumentation, JarFile agentJar, long launchNanos)
      throws IOException {
    BootstrapClasses.inject(instrumentation, agentJar);
    AgentConfig config;
    try {
      config = ConfigLoader.loadForThisJvm(agentArgs);
    } catch (ConfigException e) {
      System.err.println(e.render());
      if (e.failFast()) {
        System.err.flush();
        System.exit(EXIT_CONFIG_ERROR);
      }
      return;
    }

    PrometheusProperties properties = PrometheusSettings.isolated();
    PrometheusRegistry registry = new PrometheusRegistry();
    Meters meters = new Meters(registry, properties, config);

    List<InstrumentationModule> all = InstrumentationModules.all();
    List<InstrumentationModule> active = InstrumentationModules.active(config);
    AgentMetrics agentMetrics =
        new AgentMetrics(
            meters,
            properties,
            AgentVersion.get(),
            InstrumentationModules.names(all),
            InstrumentationModules.names(active));

    ExporterStartup exporters = ExporterStartup.begin(config, registry, properties);
    InstrumentationContext context = new InstrumentationContext(config, meters, instrumentation);
    for (InstrumentationModule module : active) {
      module.start(context);
    }
    new InstrumentationInstaller(Agent.class.getClassLoader(), agentMetrics)
        .install(
            instrumentation,
            active,
            config.classCache(),
            ClassCacheBuild.of(
                new File(agentJar.getName()), InstrumentationModules.names(active), config.rules()));
    // A job that pushes may end as soon as its main method returns: its last push at shutdown
    // must be in place before main starts. Everything else comes up beside the application.
    if (config.pushgateway().enabled()) {
      exporters.await();
    }
    exporters.whenStarted(() -> announce(config, exporters, active, agentMetrics, launchNanos));
  }

  /** The one startup line, once the instrumentation and the exporters are all in place. */
  private static void announce(
      AgentConfig config,
      ExporterStartup exporters,
      List<InstrumentationModule> active,
      AgentMetrics agentMetrics,
      long launchNanos) {
    long startupNanos = System.nanoTime() - launchNanos;
    agentMetrics.startupTook(startupNanos);
    System.err.println(
        startupLine(
            config,
            exporters.server(),
            exporters.pushgateway(),
            InstrumentationModules.names(active),
            startupNanos / 1_000_000));
  }

  private static String startupLine(
      AgentConfig config,
      MetricsServer server,
      PushgatewayExporter pushgateway,
      List<String> instrumentations,
      long startupMillis) {
    StringBuilder line = new StringBuilder("metrics-agent ").append(AgentVersion.get()).append(": ");
    if (server != null) {
      line.append("serving ").append(server.url());
    } else if (config.server().enabled()) {
      line.append("not serving metrics (see above)");
    } else {
      line.append("metrics server disabled");
    }
    if (pushgateway != null) {
      line.append(", pushing to ").append(pushgateway.describe());
    }
    line.append("; instrumentations: ")
        .append(instrumentations.isEmpty() ? "none" : String.join(", ", instrumentations))
        .append("; rules: ")
        .append(config.rules().size())
        .append("; started in ")
        .append(startupMillis)
        .append(" ms");
    return line.toString();
  }
}
