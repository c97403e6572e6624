package dev.metricsagent.instrumentation.jdbc;

import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code db_client_connection_count{db_client_connection_state="idle|used"}} of every live
 * HikariCP pool, read when Prometheus scrapes. Pools are held weakly: an application that drops
 * a pool without closing it does not leak it through the agent. The counts come from the pool's
 * public {@code getIdleConnections()} / {@code getActiveConnections()} (its MXBean methods, which
 * work whether or not the pool registered an MBean), looked up at scrape time so that no
 * reference to HikariCP's classes, or their class loader, is kept.
 */
final class HikariPoolGauges implements Collector {

  static final String NAME = "db_client_connection_count";

  private final List<WeakReference<Object>> pools = new ArrayList<>();

  synchronized void started(Object pool) {
    for (WeakReference<Object> reference : pools) {
      if (reference.get() == pool) {
        return;
      }
    }
    pools.add(new WeakReference<>(pool));
  }

  synchronized void closed(Object pool) {
    pools.removeIf(reference -> reference.get() == null || reference.get() == pool);
  }

  @Override
  public MetricSnapshot collect() {
    // Sorted, and summed by name: two pools of one name (two class loaders) make one series.
    Map<String, long[]> countsByName = new TreeMap<>();
    for (Object pool : livePools()) {
      try {
        long idle = count(pool, "getIdleConnections");
        long used = count(pool, "getActiveConnections");
        long[] counts = countsByName.computeIfAbsent(String.valueOf(pool), name -> new long[2]);
        counts[0] += idle;
        counts[1] += used;
      } catch (ReflectiveOperationException | RuntimeException e) {
        // a pool class without these methods: it has no counts to offer
      }
    }
    GaugeSnapshot.Builder snapshot =
        GaugeSnapshot.builder()
            .name(NAME)
            .help("Connections in the pool, by state: idle (available) or used (lent to the application).");
    for (Map.Entry<String, long[]> pool : countsByName.entrySet()) {
      snapshot.dataPoint(point(pool.getKey(), "idle", pool.getValue()[0]));
      snapshot.dataPoint(point(pool.getKey(), "used", pool.getValue()[1]));
    }
    return snapshot.build();
  }

  @Override
  public String getPrometheusName() {
    return NAME;
  }

  private synchronized List<Object> livePools() {
    List<Object> live = new ArrayList<>();
    for (Iterator<WeakReference<Object>> it = pools.iterator(); it.hasNext(); ) {
      Object pool = it.next().get();
      if (pool == null) {
        it.remove();
      } else {
        live.add(pool);
      }
    }
    return live;
  }

  private static long count(Object pool, String method) throws ReflectiveOperationException {
    Method getter = pool.getClass().getMethod(method);
    return ((Number) getter.invoke(pool)).longValue();
  }

  private static GaugeDataPointSnapshot point(String poolName, String state, long value) {
    return GaugeDataPointSnapshot.builder()
        .labels(Labels.of("db_client_connection_pool_name", poolName, "db_client_connection_state", state))
        .value(value)
        .build();
  }
}
