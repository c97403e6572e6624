package dev.metricsagent.config;

import java.util.List;

/** {@code instrumentation:}: which library families the agent instruments. */
public final class InstrumentationConfig {

  private static final List<String> FAMILIES = List.of("servlet", "jdbc", "http_client", "messaging");

  private final FamilyConfig servlet;
  private final FamilyConfig jdbc;
  private final HttpClientConfig httpClient;
  private final FamilyConfig messaging;

  InstrumentationConfig(FamilyConfig servlet, FamilyConfig jdbc, HttpClientConfig httpClient, FamilyConfig messaging) {
    this.servlet = servlet;
    this.jdbc = jdbc;
    this.httpClient = httpClient;
    this.messaging = messaging;
  }

  /** The family names as written in YAML: servlet, jdbc, http_client, messaging. */
  public static List<String> families() {
    return FAMILIES;
  }

  public FamilyConfig servlet() {
    return servlet;
  }

  public FamilyConfig jdbc() {
    return jdbc;
  }

  public HttpClientConfig httpClient() {
    return httpClient;
  }

  public FamilyConfig messaging() {
    return messaging;
  }

  /**
   * Whether a family is enabled, by its YAML name (one of {@link #families()}).
   *
   * @throws IllegalArgumentException for any other name
   */
  public boolean isEnabled(String family) {
    switch (family) {
      case "servlet":
        return servlet.enabled();
      case "jdbc":
        return jdbc.enabled();
      case "http_client":
        return httpClient.enabled();
      case "messaging":
        return messaging.enabled();
      default:
        throw new IllegalArgumentException("unknown instrumentation family '" + family + "'; known: " + FAMILIES);
    }
  }

  @Override
  public String toString() {
    return "instrumentation{servlet=" + servlet + ", jdbc=" + jdbc + ", http_client=" + httpClient
        + ", messaging=" + messaging + "}";
  }
}
