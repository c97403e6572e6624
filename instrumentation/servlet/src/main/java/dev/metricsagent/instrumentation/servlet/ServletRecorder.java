package dev.metricsagent.instrumentation.servlet;

import dev.metricsagent.bootstrap.servlet.ServletSink;
import dev.metricsagent.instrumentation.api.DataPointCache;
import dev.metricsagent.instrumentation.api.HttpMethodLabel;
import dev.metricsagent.instrumentation.api.InProgressGauge;
import dev.metricsagent.instrumentation.api.Meters;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;
import java.util.concurrent.atomic.LongAdder;

/** Turns what the servlet advice reports into {@code http_server_*} observations. */
final class ServletRecorder implements ServletSink {

  static final String DURATION = "http_server_request_duration_seconds";
  static final String ACTIVE = "http_server_active_requests";

  private final DataPointCache<DistributionDataPoint> durations;
  private final DataPointCache<LongAdder> active;
  private final RouteResolver routes;

  ServletRecorder(Meters meters, int cardinalityLimit) {
    Histogram histogram =
        meters.secondsHistogram(
            DURATION,
            "Duration of HTTP server requests, from the outermost servlet or filter entry until the"
                + " response is complete (async requests included).",
            "http_request_method",
            "http_route",
            "http_response_status_code",
            "error_type",
            "url_scheme");
    InProgressGauge gauge =
        meters.inProgressGauge(
            ACTIVE, "HTTP server requests in progress.", "http_request_method", "url_scheme");
    this.durations = meters.dataPoints(DURATION, 5, histogram::labelValues);
    this.active = meters.dataPoints(ACTIVE, 2, gauge::labelValues);
    this.routes = new RouteResolver(cardinalityLimit);
  }

  @Override
  public void started(String method, String scheme) {
    active.get(HttpMethodLabel.of(method), UrlSchemes.label(scheme)).increment();
  }

  @Override
  public boolean finished(
      long startNanos,
      String method,
      String scheme,
      String contextPath,
      String servletPath,
      String mappingMatch,
      String mappingPattern,
      Object frameworkPattern,
      String requestUri,
      int status,
      Throwable thrown) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    String route =
        routes.resolve(
            contextPath,
            servletPath,
            mappingMatch,
            mappingPattern,
            frameworkPattern,
            requestUri,
            status);
    if (route == null) {
      return false;
    }
    String methodLabel = HttpMethodLabel.of(method);
    String schemeLabel = UrlSchemes.label(scheme);
    active.get(methodLabel, schemeLabel).decrement();
    durations
        .get(
            methodLabel,
            route,
            StatusCodes.label(status),
            ErrorTypes.of(thrown, status),
            schemeLabel)
        .observe(seconds);
    return true;
  }
}
