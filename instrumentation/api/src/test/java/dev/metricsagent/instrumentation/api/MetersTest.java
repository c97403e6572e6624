package dev.metricsagent.instrumentation.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.metricsagent.config.AgentConfig;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The agent's meters sample no exemplars: it sees no trace context, and sampling is work on the
 * application's calls that also schedules the next sampling on the client's timer thread, about
 * ten times a second under load. That thread exists only once some meter has sampled, in
 * this JVM: the other tests of this module build their meters without exemplars too.
 */
class MetersTest {

  @Test
  void noMeterSamplesExemplars() {
    Meters meters =
        new Meters(new PrometheusRegistry(), PrometheusProperties.builder().build(), AgentConfig.defaults());

    meters.gauge("test_active", "help", "kind").labelValues("a").inc();
    meters.gauge("test_other_active", "help", "kind").labelValues("a").dec();
    meters.counter("test_calls_total", "help", "kind").labelValues("a").inc();
    meters.secondsHistogram("test_duration_seconds", "help", "kind").labelValues("a").observe(0.1);

    assertEquals(List.of(), exemplarTimerThreads());
  }

  private static List<String> exemplarTimerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .map(Thread::getName)
        .filter(name -> name.startsWith("prometheus-metrics-scheduler"))
        .collect(Collectors.toList());
  }
}
