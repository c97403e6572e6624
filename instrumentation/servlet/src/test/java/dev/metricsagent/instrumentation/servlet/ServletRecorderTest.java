package dev.metricsagent.instrumentation.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metricsagent.config.AgentConfig;
import dev.metricsagent.instrumentation.api.Meters;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.junit.jupiter.api.Test;

class ServletRecorderTest {

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final ServletRecorder recorder =
      new ServletRecorder(
          new Meters(registry, PrometheusProperties.builder().build(), AgentConfig.defaults()), 1000);

  @Test
  void aFinishedRequestIsOneObservationWithTheConventionLabels() {
    recorder.started("GET", "http");
    recorder.finished(System.nanoTime(), "GET", "http", "", "", "DEFAULT", "/", "/owners/{ownerId}", "/owners/42", 200, null);

    HistogramSnapshot.HistogramDataPointSnapshot point = durationPoint();
    assertEquals(1, point.getCount());
    assertEquals(
        Labels.of(
            "error_type", "",
            "http_request_method", "GET",
            "http_response_status_code", "200",
            "http_route", "/owners/{ownerId}",
            "url_scheme", "http"),
        point.getLabels());
    assertEquals(0.0, activeValue());
  }

  @Test
  void aThrowingRequestRecordsItsErrorTypeAndAnUnknownMethodIsOther() {
    recorder.started("BREW", "https");
    recorder.finished(System.nanoTime(), "BREW", "https", "/ctx", "/boom", "EXACT", "/boom", null, "/ctx/boom", 500, new IllegalStateException());

    assertEquals(
        Labels.of(
            "error_type", "IllegalStateException",
            "http_request_method", "_OTHER",
            "http_response_status_code", "500",
            "http_route", "/ctx/boom",
            "url_scheme", "https"),
        durationPoint().getLabels());
  }

  @Test
  void activeRequestsCountStartedButNotFinishedRequests() {
    recorder.started("GET", "http");
    recorder.started("GET", "http");
    assertEquals(2.0, activeValue());
    recorder.finished(System.nanoTime(), "GET", "http", "", "", "EXACT", "/a", null, "/a", 200, null);
    assertEquals(1.0, activeValue());
  }

  /** The advice then calls again with the URI: the request counts once, from that call. */
  @Test
  void aRouteThatNeedsTheUriRecordsNothingUntilItIsGiven() {
    recorder.started("GET", "http");
    assertFalse(recorder.finished(System.nanoTime(), "GET", "http", "", "/static/1/a.css", "DEFAULT", "/", null, null, 200, null));
    assertEquals(1.0, activeValue());
    assertTrue(recorder.finished(System.nanoTime(), "GET", "http", "", "/static/1/a.css", "DEFAULT", "/", null, "/static/1/a.css", 200, null));

    assertEquals(1, durationPoint().getCount());
    assertEquals("/static/{id}/a.css", durationPoint().getLabels().get("http_route"));
    assertEquals(0.0, activeValue());
  }

  private HistogramSnapshot.HistogramDataPointSnapshot durationPoint() {
    MetricSnapshots snapshots = registry.scrape(name -> name.equals(ServletRecorder.DURATION));
    HistogramSnapshot histogram = (HistogramSnapshot) snapshots.get(0);
    assertEquals(1, histogram.getDataPoints().size());
    return histogram.getDataPoints().get(0);
  }

  private double activeValue() {
    MetricSnapshots snapshots = registry.scrape(name -> name.equals(ServletRecorder.ACTIVE));
    return ((GaugeSnapshot) snapshots.get(0)).getDataPoints().get(0).getValue();
  }
}
