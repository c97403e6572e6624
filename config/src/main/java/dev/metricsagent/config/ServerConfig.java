package dev.metricsagent.config;

/** The agent's own HTTP server, from which Prometheus scrapes the metrics. */
public final class ServerConfig {

  private final boolean enabled;
  private final String host;
  private final int port;
  private final String path;

  ServerConfig(boolean enabled, String host, int port, String path) {
    this.enabled = enabled;
    this.host = host;
    this.port = port;
    this.path = path;
  }

  /** {@code server.enabled}, default true; false when metrics only go to a Pushgateway. */
  public boolean enabled() {
    return enabled;
  }

  /** {@code server.host}: the address to listen on, default {@code 0.0.0.0} (every interface). */
  public String host() {
    return host;
  }

  /** {@code server.port}, default 9464; 0 asks the operating system for any free port. */
  public int port() {
    return port;
  }

  /** {@code server.path}, default {@code /metrics}; always starts with '/'. */
  public String path() {
    return path;
  }

  @Override
  public String toString() {
    return "server{enabled=" + enabled + ", host=" + host + ", port=" + port + ", path=" + path + "}";
  }
}
