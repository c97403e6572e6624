package dev.metricsagent.config;

import java.util.Locale;

/**
 * The response headers in which a peer reports its API rate limit, so that the agent can expose
 * how much of the limit is left.
 */
public final class RateLimitHeaders {

  private static final RateLimitHeaders GITHUB = new RateLimitHeaders("X-RateLimit-Remaining", "X-RateLimit-Limit");
  private static final RateLimitHeaders GITLAB = new RateLimitHeaders("RateLimit-Remaining", "RateLimit-Limit");

  private final String remainingHeader;
  private final String limitHeader;

  RateLimitHeaders(String remainingHeader, String limitHeader) {
    this.remainingHeader = remainingHeader;
    this.limitHeader = limitHeader;
  }

  /**
   * The headers well-known services use, by peer name (case-insensitive): {@code github} and
   * {@code gitlab}; null for any other name.
   */
  static RateLimitHeaders defaultFor(String peerName) {
    switch (peerName.toLowerCase(Locale.ROOT)) {
      case "github":
        return GITHUB;
      case "gitlab":
        return GITLAB;
      default:
        return null;
    }
  }

  /** The header with the number of requests left, such as {@code X-RateLimit-Remaining}. */
  public String remainingHeader() {
    return remainingHeader;
  }

  /** The header with the total number of requests allowed, such as {@code X-RateLimit-Limit}; null when not configured. */
  public String limitHeader() {
    return limitHeader;
  }

  @Override
  public String toString() {
    return "{remaining_header=" + remainingHeader + ", limit_header=" + limitHeader + "}";
  }
}
