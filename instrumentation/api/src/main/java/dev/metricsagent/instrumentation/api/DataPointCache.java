package dev.metricsagent.instrumentation.api;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import java.util.Arrays;

/**
 * The data point of each label-value combination of one metric, found without allocating: one
 * open-addressing hash table keyed by all the label values together (String hash codes are
 * cached), probed in place. At most {@code limit} combinations are created; observations for
 * further ones go to a single combination whose values are all {@value #OVERFLOW}, and are
 * counted in {@code metrics_agent_label_values_dropped_total}.
 *
 * <p>Why one flat table rather than a map per label: the lookup is inlined, together with the
 * observation, into the recorder's hot method, and the Prometheus client's histogram
 * {@code observe} allocates an {@code AtomicBoolean} on every call that only the JIT's escape
 * analysis removes. A chain of nested map lookups, each result the next one's map, made C2's
 * escape analysis give up on the whole method ({@code connectionGraph_bailout reason='reached
 * iterations limit'} in {@code -XX:+LogCompilation}), so that each plain-SQL JDBC execution and
 * each HTTP client exchange allocated those 16 bytes. One probe loop over immutable entries keeps
 * the analysis short enough to finish.
 *
 * <p>Reads take no lock: entries are immutable and only ever added, and a reader that misses an
 * entry being added takes the creating path, which looks again under the lock.
 *
 * <p>Callers pass label values in the metric's label-name order; {@code null} means empty.
 */
public final class DataPointCache<T> {

  public static final String OVERFLOW = "other";

  /** Creates the data point of one combination: typically {@code metric::labelValues}. */
  public interface Factory<T> {
    T create(String... labelValues);
  }

  /** One combination; label positions past the metric's label count are null. */
  private static final class Entry<T> {
    final int hash;
    final String v0, v1, v2, v3, v4, v5;
    final T point;

    Entry(int hash, String v0, String v1, String v2, String v3, String v4, String v5, T point) {
      this.hash = hash;
      this.v0 = v0;
      this.v1 = v1;
      this.v2 = v2;
      this.v3 = v3;
      this.v4 = v4;
      this.v5 = v5;
      this.point = point;
    }

    boolean matches(String a, String b, String c, String d, String e, String f) {
      return same(v0, a) && same(v1, b) && same(v2, c) && same(v3, d) && same(v4, e) && same(v5, f);
    }

    private static boolean same(String x, String y) {
      return x == y || (x != null && x.equals(y));
    }
  }

  private static final int INITIAL_CAPACITY = 16;

  private final int labelCount;
  private final int limit;
  private final Factory<T> factory;
  private final CounterDataPoint dropped;

  /**
   * Power-of-two length, at most half full, so that a probe meets an empty slot soon. Written
   * under the lock: a new entry goes into its slot in place; a table that would be more than
   * half full is replaced by a copy twice the size.
   */
  private volatile Entry<T>[] table = newTable(INITIAL_CAPACITY);

  /** Combinations created; written under the lock. */
  private volatile int size;

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
    String a = orEmpty(v0);
    return find(1, spread(a.hashCode()), a, null, null, null, null, null);
  }

  public T get(String v0, String v1) {
    String a = orEmpty(v0);
    String b = orEmpty(v1);
    return find(2, spread(a.hashCode() * 31 + b.hashCode()), a, b, null, null, null, null);
  }

  public T get(String v0, String v1, String v2) {
    String a = orEmpty(v0);
    String b = orEmpty(v1);
    String c = orEmpty(v2);
    int hash = (a.hashCode() * 31 + b.hashCode()) * 31 + c.hashCode();
    return find(3, spread(hash), a, b, c, null, null, null);
  }

  public T get(String v0, String v1, String v2, String v3) {
    String a = orEmpty(v0);
    String b = orEmpty(v1);
    String c = orEmpty(v2);
    String d = orEmpty(v3);
    int hash = ((a.hashCode() * 31 + b.hashCode()) * 31 + c.hashCode()) * 31 + d.hashCode();
    return find(4, spread(hash), a, b, c, d, null, null);
  }

  public T get(String v0, String v1, String v2, String v3, String v4) {
    String a = orEmpty(v0);
    String b = orEmpty(v1);
    String c = orEmpty(v2);
    String d = orEmpty(v3);
    String e = orEmpty(v4);
    int hash = ((a.hashCode() * 31 + b.hashCode()) * 31 + c.hashCode()) * 31 + d.hashCode();
    return find(5, spread(hash * 31 + e.hashCode()), a, b, c, d, e, null);
  }

  public T get(String v0, String v1, String v2, String v3, String v4, String v5) {
    String a = orEmpty(v0);
    String b = orEmpty(v1);
    String c = orEmpty(v2);
    String d = orEmpty(v3);
    String e = orEmpty(v4);
    String f = orEmpty(v5);
    int hash = ((a.hashCode() * 31 + b.hashCode()) * 31 + c.hashCode()) * 31 + d.hashCode();
    hash = (hash * 31 + e.hashCode()) * 31 + f.hashCode();
    return find(6, spread(hash), a, b, c, d, e, f);
  }

  /** The common path: one probe loop, no allocation, no lock. */
  private T find(
      int count, int hash, String a, String b, String c, String d, String e, String f) {
    Entry<T>[] tab = table;
    int mask = tab.length - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      Entry<T> entry = tab[i];
      if (entry == null) {
        return create(count, hash, a, b, c, d, e, f);
      }
      if (entry.hash == hash && entry.matches(a, b, c, d, e, f)) {
        return entry.point;
      }
    }
  }

  /** Only on a miss: the label-value array for the factory is built here, never on the common path. */
  private T create(
      int count, int hash, String a, String b, String c, String d, String e, String f) {
    if (count != labelCount) {
      throw new IllegalArgumentException(
          "expected " + labelCount + " label values, got " + count + ": "
              + Arrays.toString(Arrays.copyOf(new String[] {a, b, c, d, e, f}, count)));
    }
    if (size >= limit) {
      return dropped();
    }
    synchronized (this) {
      Entry<T>[] tab = table;
      int mask = tab.length - 1;
      int i = hash & mask;
      for (Entry<T> entry; (entry = tab[i]) != null; i = (i + 1) & mask) {
        if (entry.hash == hash && entry.matches(a, b, c, d, e, f)) {
          return entry.point; // added by another thread since this one looked
        }
      }
      if (size >= limit) {
        return dropped();
      }
      T point = factory.create(Arrays.copyOf(new String[] {a, b, c, d, e, f}, count));
      Entry<T> added = new Entry<>(hash, a, b, c, d, e, f, point);
      if ((size + 1) * 2 > tab.length) {
        table = grow(tab, added);
      } else {
        tab[i] = added; // entries are immutable (final fields): a racing reader sees it whole or not at all
      }
      size++;
      return point;
    }
  }

  private T dropped() {
    dropped.inc();
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

  private static <T> Entry<T>[] grow(Entry<T>[] old, Entry<T> added) {
    Entry<T>[] bigger = newTable(old.length * 2);
    for (Entry<T> entry : old) {
      if (entry != null) {
        insert(bigger, entry);
      }
    }
    insert(bigger, added);
    return bigger;
  }

  private static <T> void insert(Entry<T>[] tab, Entry<T> entry) {
    int mask = tab.length - 1;
    int i = entry.hash & mask;
    while (tab[i] != null) {
      i = (i + 1) & mask;
    }
    tab[i] = entry;
  }

  @SuppressWarnings("unchecked")
  private static <T> Entry<T>[] newTable(int capacity) {
    return (Entry<T>[]) new Entry<?>[capacity];
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  /** Label values often share hash prefixes: mix the high bits into the slot index. */
  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }
}
