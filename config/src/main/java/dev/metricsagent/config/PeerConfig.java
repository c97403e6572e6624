package dev.metricsagent.config;

import java.util.List;

/**
 * A named remote service the application calls over HTTP (an item of
 * {@code instrumentation.http_client.peers}). Requests to its hosts get the
 * {@code peer_service} label, and the paths its URL templates match get {@code url_template}.
 */
public final class PeerConfig {

  private final String name;
  private final List<HostPattern> hosts;
  private final List<UrlTemplate> urlTemplates;
  private final RateLimitHeaders rateLimit;

  PeerConfig(String name, List<HostPattern> hosts, List<UrlTemplate> urlTemplates, RateLimitHeaders rateLimit) {
    this.name = name;
    this.hosts = List.copyOf(hosts);
    this.urlTemplates = List.copyOf(urlTemplates);
    this.rateLimit = rateLimit;
  }

  /** The peer's name, such as {@code github}: the {@code peer_service} label value; never empty. */
  public String name() {
    return name;
  }

  /** The host patterns, in file order; at least one. */
  public List<HostPattern> hosts() {
    return hosts;
  }

  /** The URL templates, in file order; possibly empty. */
  public List<UrlTemplate> urlTemplates() {
    return urlTemplates;
  }

  /**
   * The rate-limit headers: as configured, or the defaults for peers named {@code github}
   * (X-RateLimit-Remaining, X-RateLimit-Limit) and {@code gitlab} (RateLimit-Remaining,
   * RateLimit-Limit); null when there are none or {@code rate_limit: false}.
   */
  public RateLimitHeaders rateLimit() {
    return rateLimit;
  }

  /**
   * Whether any of the host patterns matches; pass the effective port (443 for https by default).
   * Runs per HTTP client call, so it loops by index rather than with an iterator.
   */
  public boolean matchesHost(String host, int port) {
    for (int i = 0; i < hosts.size(); i++) {
      if (hosts.get(i).matches(host, port)) {
        return true;
      }
    }
    return false;
  }

  /** The first URL template (in file order) that matches the request path, or null. Does not allocate. */
  public String urlTemplateFor(String path) {
    for (int i = 0; i < urlTemplates.size(); i++) {
      if (urlTemplates.get(i).match(path)) {
        return urlTemplates.get(i).template();
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "peer{name=" + name + ", hosts=" + hosts + ", url_templates=" + urlTemplates + ", rate_limit=" + rateLimit + "}";
  }
}
