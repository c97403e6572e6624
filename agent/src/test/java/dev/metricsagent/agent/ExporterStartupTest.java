package dev.metricsagent.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metricsagent.config.AgentConfig;
import dev.metricsagent.config.ConfigException;
import dev.metricsagent.config.ConfigLoader;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** premain hands the startup line to the exporters' start, which may end before or after it. */
class ExporterStartupTest {

  private final PrometheusProperties properties = PrometheusProperties.builder().build();

  @Test
  void anActionGivenAfterTheStartRunsAtOnceOnTheCallersThread() throws Exception {
    ExporterStartup startup = ExporterStartup.begin(config("port=0"), new PrometheusRegistry(), properties);
    startup.await();
    List<Thread> ranOn = new CopyOnWriteArrayList<>();

    startup.whenStarted(() -> ranOn.add(Thread.currentThread()));

    assertEquals(List.of(Thread.currentThread()), ranOn);
    assertNotNull(startup.server());
    startup.server().stop();
  }

  @Test
  void anActionGivenWhileTheExportersStartRunsOnceTheyAre() throws Exception {
    // JVM metrics and a server: long enough a start that the action usually comes first.
    ExporterStartup startup = ExporterStartup.begin(config("port=0"), new PrometheusRegistry(), properties);
    List<Object> serverSeen = new CopyOnWriteArrayList<>();
    CountDownLatch ran = new CountDownLatch(1);

    startup.whenStarted(
        () -> {
          serverSeen.add(startup.server());
          ran.countDown();
        });

    assertTrue(ran.await(30, TimeUnit.SECONDS));
    startup.await();
    assertEquals(1, serverSeen.size());
    assertSame(startup.server(), serverSeen.get(0));
    startup.server().stop();
  }

  private static AgentConfig config(String agentArgs) throws ConfigException {
    return ConfigLoader.load(agentArgs, Map.of(), Map.of());
  }
}
