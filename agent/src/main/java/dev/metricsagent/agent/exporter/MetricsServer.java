package dev.metricsagent.agent.exporter;

import dev.metricsagent.config.ServerConfig;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The agent's own HTTP endpoint: {@code /metrics} (text, OpenMetrics or protobuf by the
 * Accept header, gzip when asked) and {@code /-/healthy}, served by the Prometheus client's
 * server on daemon threads, so it never keeps the application's JVM alive.
 */
public final class MetricsServer {

  private final HTTPServer server;
  private final String url;

  private MetricsServer(HTTPServer server, String url) {
    this.server = server;
    this.url = url;
  }

  /** Starts the server, or explains on stderr why it could not and returns {@code null}. */
  public static MetricsServer start(
      ServerConfig config, PrometheusRegistry registry, PrometheusProperties properties) {
    try {
      HTTPServer server =
          HTTPServer.builder(properties)
              .inetAddress(InetAddress.getByName(config.host()))
              .port(config.port())
              .metricsHandlerPath(config.path())
              .registry(registry)
              .buildAndStart();
      return new MetricsServer(
          server, "http://" + hostForUrl(config.host()) + ":" + server.getPort() + config.path());
    } catch (BindException e) {
      System.err.println(
          "metrics-agent: cannot serve metrics on "
              + config.host()
              + ":"
              + config.port()
              + ": the port is already in use ("
              + e.getMessage()
              + "). The application runs on; metrics are still recorded. Choose another port with"
              + " -javaagent:metrics-agent.jar=port=<port>, -Dmetrics.agent.port=<port>,"
              + " METRICS_AGENT_PORT=<port> or server.port in the YAML (0 picks a free port).");
    } catch (UnknownHostException e) {
      System.err.println(
          "metrics-agent: cannot serve metrics: unknown host '"
              + config.host()
              + "' (server.host). The application runs on; metrics are still recorded.");
    } catch (IOException | RuntimeException e) {
      System.err.println(
          "metrics-agent: cannot serve metrics on "
              + config.host()
              + ":"
              + config.port()
              + ": "
              + e
              + ". The application runs on; metrics are still recorded.");
    }
    return null;
  }

  private static String hostForUrl(String host) {
    return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
  }

  public String url() {
    return url;
  }

  public int port() {
    return server.getPort();
  }

  public void stop() {
    server.stop();
  }
}
