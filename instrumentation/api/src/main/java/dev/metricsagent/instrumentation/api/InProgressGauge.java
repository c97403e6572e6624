package dev.metricsagent.instrumentation.api;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * A gauge of things in progress, such as requests being served, which every call raises on entry
 * and lowers on exit: one {@link LongAdder} per label combination, summed when scraped. The
 * client's own {@code Gauge} keeps its value in one {@code AtomicLong} updated by compare-and-set,
 * a cache line that every request thread writes twice per request; a {@code LongAdder} spreads
 * those writes over cells of their own once threads contend. Made by {@link
 * Meters#inProgressGauge}; its combinations come from a {@link DataPointCache}.
 */
public final class InProgressGauge {

  /** Appended once per label combination, read at each scrape. */
  private final List<Combination> combinations = new CopyOnWriteArrayList<>();

  InProgressGauge() {}

  /** The counter of one label combination: the {@link DataPointCache.Factory} of this gauge. */
  public LongAdder labelValues(String... labelValues) {
    LongAdder count = new LongAdder();
    combinations.add(new Combination(labelValues.clone(), count));
    return count;
  }

  void collect(GaugeWithCallback.Callback callback) {
    for (Combination combination : combinations) {
      callback.call(combination.count.sum(), combination.labelValues);
    }
  }

  private static final class Combination {
    final String[] labelValues;
    final LongAdder count;

    Combination(String[] labelValues, LongAdder count) {
      this.labelValues = labelValues;
      this.count = count;
    }
  }
}
