package dev.metricsagent.instrumentation.api;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The data point of each label-value combination of one metric, found without allocating: one
 * hash lookup per label (String hash codes are cached), in a tree whose depth is the number of
 * labels. At most {@code limit} combinations are created; observations for further ones go to a
 * single combination whose values are all {@value #OVERFLOW}, and are counted in
 * {@code metrics_agent_label_values_dropped_total}.
 *
 * <p>Callers pass label values in the metric's label-name order; {@code null} means empty.
 */
public final class DataPointCache<T> {

  public static final String OVERFLOW = "other";

  /** Creates the data point of one combination: typically {@code metric::labelValues}. */
  public interface Factory<T> {
    T create(String... labelValues);
  }

  private final int labelCount;
  private final int limit;
  private final Factory<T> factory;
  private final CounterDataPoint dropped;
  /** Stands for every branch not created because the limit was reached; never written to. */
  private static final ConcurrentHashMap<String, Object> FULL = new ConcurrentHashMap<>();

  private final ConcurrentHashMap<String, Object> root = new ConcurrentHashMap<>();
  private final AtomicInteger size = new AtomicInteger();
  private volatile T overflow;

  DataPointCache(int labelCount, int limit, Factory<T> factory, CounterDataPoint dropped) {
    if (labelCount < 1 || labelCount > 6) {
      throw new IllegalArgumentException("1 to 6 labels supported, got " + labelCount);
    }
    this.labelCount = labelCount;
    this.limit = limit;
    this.factory = factory;
    this.dropped = dropped;
  }

  public T get(String v0) {
    T hit = hit(root, v0);
    return hit != null ? hit : create(root, v0, v0);
  }

  public T get(String v0, String v1) {
    ConcurrentHashMap<String, Object> node = branch(root, v0);
    T hit = hit(node, v1);
    return hit != null ? hit : create(node, v1, v0, v1);
  }

  public T get(String v0, String v1, String v2) {
    ConcurrentHashMap<String, Object> node = branch(branch(root, v0), v1);
    T hit = hit(node, v2);
    return hit != null ? hit : create(node, v2, v0, v1, v2);
  }

  public T get(String v0, String v1, String v2, String v3) {
    ConcurrentHashMap<String, Object> node = branch(branch(branch(root, v0), v1), v2);
    T hit = hit(node, v3);
    return hit != null ? hit : create(node, v3, v0, v1, v2, v3);
  }

  public T get(String v0, String v1, String v2, String v3, String v4) {
    ConcurrentHashMap<String, Object> node = branch(branch(branch(branch(root, v0), v1), v2), v3);
    T hit = hit(node, v4);
    return hit != null ? hit : create(node, v4, v0, v1, v2, v3, v4);
  }

  public T get(String v0, String v1, String v2, String v3, String v4, String v5) {
    ConcurrentHashMap<String, Object> node =
        branch(branch(branch(branch(branch(root, v0), v1), v2), v3), v4);
    T hit = hit(node, v5);
    return hit != null ? hit : create(node, v5, v0, v1, v2, v3, v4, v5);
  }

  @SuppressWarnings("unchecked")
  private ConcurrentHashMap<String, Object> branch(
      ConcurrentHashMap<String, Object> node, String value) {
    String key = value == null ? "" : value;
    Object child = node.get(key);
    if (child == null) {
      if (size.get() >= limit) {
        return FULL; // no new branches once full: they could only lead to the overflow point
      }
      child = node.computeIfAbsent(key, k -> new ConcurrentHashMap<String, Object>());
    }
    return (ConcurrentHashMap<String, Object>) child;
  }

  @SuppressWarnings("unchecked")
  private static <T> T hit(ConcurrentHashMap<String, Object> node, String value) {
    return (T) node.get(value == null ? "" : value);
  }

  /** Only on a miss: the varargs array is built here, never on the common path. */
  @SuppressWarnings("unchecked")
  private T create(ConcurrentHashMap<String, Object> node, String value, String... values) {
    String key = value == null ? "" : value;
    if (values.length != labelCount) {
      throw new IllegalArgumentException(
          "expected " + labelCount + " label values, got " + Arrays.toString(values));
    }
    if (size.get() >= limit || node == FULL) {
      dropped.inc();
      return overflow();
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        values[i] = "";
      }
    }
    return (T)
        node.computeIfAbsent(
            key,
            k -> {
              size.incrementAndGet();
              return factory.create(values);
            });
  }

  private T overflow() {
    T result = overflow;
    if (result == null) {
      String[] values = new String[labelCount];
      Arrays.fill(values, OVERFLOW);
      synchronized (this) {
        if (overflow == null) {
          overflow = factory.create(values);
        }
        result = overflow;
      }
    }
    return result;
  }
}
