package dev.metricsagent.instrumentation.httpclient;

import dev.metricsagent.bootstrap.httpclient.HttpClientSink;
import dev.metricsagent.config.HttpClientConfig;
import dev.metricsagent.config.PeerConfig;
import dev.metricsagent.config.RateLimitHeaders;
import dev.metricsagent.instrumentation.api.DataPointCache;
import dev.metricsagent.instrumentation.api.HttpMethodLabel;
import dev.metricsagent.instrumentation.api.Meters;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import java.util.List;

/**
 * Turns the bridge's exchanges into {@code http_client_request_duration_seconds} observations and
 * rate-limit headers into the {@code http_client_rate_limit_*} gauges.
 */
final class HttpClientRecorder implements HttpClientSink {

  static final String DURATION = "http_client_request_duration_seconds";
  static final String RATE_LIMIT_REMAINING = "http_client_rate_limit_remaining";
  static final String RATE_LIMIT_LIMIT = "http_client_rate_limit_limit";

  private final Histogram duration;
  /**
   * Keyed by every label but peer_service, which the host and port decide: the cache holds six
   * labels at most, and the peer is only looked up again when a combination is new.
   */
  private final DataPointCache<DistributionDataPoint> dataPoints;
  private final List<PeerConfig> peers;
  private final boolean wantsPath;
  private final String[][] rateLimitHeaders; // per peer, {remaining, limit}; null when none
  private final Gauge remainingGauge;
  private final Gauge limitGauge;
  private final GaugeDataPoint[] remaining; // per peer, created at the first header seen
  private final GaugeDataPoint[] limit;
  private final PortLabel ports = new PortLabel();

  HttpClientRecorder(Meters meters, HttpClientConfig config) {
    this.duration =
        meters.secondsHistogram(
            DURATION,
            "Duration of HTTP client requests: one observation per exchange on the wire.",
            "http_request_method",
            "http_response_status_code",
            "error_type",
            "server_address",
            "server_port",
            "peer_service",
            "url_template");
    this.dataPoints = meters.dataPoints(DURATION, 6, this::createDataPoint);
    this.peers = config.peers();
    int count = peers.size();
    this.rateLimitHeaders = new String[count][];
    boolean anyTemplates = false;
    boolean anyRateLimit = false;
    for (int i = 0; i < count; i++) {
      PeerConfig peer = peers.get(i);
      anyTemplates |= !peer.urlTemplates().isEmpty();
      RateLimitHeaders headers = peer.rateLimit();
      if (headers != null) {
        rateLimitHeaders[i] = new String[] {headers.remainingHeader(), headers.limitHeader()};
        anyRateLimit = true;
      }
    }
    this.wantsPath = anyTemplates;
    this.remaining = new GaugeDataPoint[count];
    this.limit = new GaugeDataPoint[count];
    if (anyRateLimit) {
      remainingGauge =
          meters.gauge(
              RATE_LIMIT_REMAINING,
              "Requests left in the peer's API rate limit, from its last response's header.",
              "peer_service");
      limitGauge =
          meters.gauge(
              RATE_LIMIT_LIMIT,
              "The peer's API rate limit (requests per window), from its last response's header.",
              "peer_service");
    } else {
      remainingGauge = null;
      limitGauge = null;
    }
  }

  @Override
  public void exchange(
      String method,
      String scheme,
      String host,
      int port,
      String path,
      int status,
      Throwable error,
      long durationNanos) {
    int peer = peerIndex(host, port);
    String template = peer >= 0 && path != null ? peers.get(peer).urlTemplateFor(path) : null;
    dataPoints
        .get(
            HttpMethodLabel.of(method),
            StatusCodeLabel.of(status),
            ErrorTypeLabel.of(status, error),
            host,
            ports.of(port),
            template)
        .observe(durationNanos / 1e9);
  }

  @Override
  public void javaHttpClientExchange(
      long durationNanos, Object request, Object response, Throwable failure) {
    JavaHttpClientExchanges.record(this, durationNanos, request, response, failure);
  }

  @Override
  public boolean wantsPath() {
    return wantsPath;
  }

  @Override
  public String[] rateLimitHeaders(String host, int port) {
    int peer = peerIndex(host, port);
    return peer >= 0 ? rateLimitHeaders[peer] : null;
  }

  @Override
  public void rateLimit(String host, int port, String remainingValue, String limitValue) {
    int peer = peerIndex(host, port);
    if (peer < 0 || rateLimitHeaders[peer] == null) {
      return;
    }
    long left = HeaderNumber.parse(remainingValue);
    if (left >= 0) {
      if (remaining[peer] == null) {
        remaining[peer] = remainingGauge.labelValues(peers.get(peer).name());
      }
      remaining[peer].set(left);
    }
    long total = HeaderNumber.parse(limitValue);
    if (total >= 0) {
      if (limit[peer] == null) {
        limit[peer] = limitGauge.labelValues(peers.get(peer).name());
      }
      limit[peer].set(total);
    }
  }

  /** The index of the first peer (file order) whose hosts match, or -1. */
  private int peerIndex(String host, int port) {
    for (int i = 0; i < peers.size(); i++) {
      if (peers.get(i).matchesHost(host, port)) {
        return i;
      }
    }
    return -1;
  }

  private DistributionDataPoint createDataPoint(String... values) {
    int peer = peerIndex(values[3], values[4].isEmpty() ? -1 : Integer.parseInt(values[4]));
    return duration.labelValues(
        values[0],
        values[1],
        values[2],
        values[3],
        values[4],
        peer >= 0 ? peers.get(peer).name() : "",
        values[5]);
  }
}
