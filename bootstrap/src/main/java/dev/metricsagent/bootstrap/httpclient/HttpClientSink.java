package dev.metricsagent.bootstrap.httpclient;

/**
 * What {@link HttpClientBridge} forwards to: the http_client family's recorder, set when the
 * family starts. JDK types only, because the bridge lives in the bootstrap class loader.
 */
public interface HttpClientSink {

  /**
   * One exchange on the wire ended.
   *
   * @param status the response status, or 0 when no response arrived
   * @param error what the client threw, or null; ignored when a status is given
   * @param path the request path (query string allowed, it is never a label), or null
   */
  void exchange(
      String method,
      String scheme,
      String host,
      int port,
      String path,
      int status,
      Throwable error,
      long durationNanos);

  /**
   * One {@code java.net.http} exchange ended: {@code request} is its {@code HttpRequest},
   * {@code response} its {@code HttpResponse} or null, {@code failure} what it failed with.
   */
  void javaHttpClientExchange(long durationNanos, Object request, Object response, Throwable failure);

  /** Whether any peer has URL templates: clients that must build the path string skip it otherwise. */
  boolean wantsPath();

  /**
   * The response headers holding the rate limit of the peer at this host, as {@code {remaining,
   * limit}} (limit may be null), or null when the host is no rate-limited peer. Never modify it.
   */
  String[] rateLimitHeaders(String host, int port);

  /** The values of the {@link #rateLimitHeaders} of one response; either may be null. */
  void rateLimit(String host, int port, String remaining, String limit);
}
