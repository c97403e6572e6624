package dev.metricsagent.instrumentation.jdbc;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A concurrent map from application objects (statements, connections) to what the agent knows
 * about them, that never keeps them alive: keys are weak and compared by identity (a driver's
 * {@code equals} is none of our business, and may even run SQL). Entries of collected keys are
 * removed on later writes, or at once with {@link #remove}: an entry removed before its key is
 * collected costs the garbage collector nothing, while each weak key still in the map when its
 * referent dies must be processed by it.
 *
 * <p>{@link #get} allocates nothing: it looks up with a per-thread probe key that the map's
 * {@code equals} call matches against the weak keys.
 */
final class WeakIdentityMap<V> {

  private final ConcurrentHashMap<Object, V> map = new ConcurrentHashMap<>();
  private final ReferenceQueue<Object> collected = new ReferenceQueue<>();
  private final ThreadLocal<Probe> probes = ThreadLocal.withInitial(Probe::new);

  V get(Object key) {
    Probe probe = probes.get();
    probe.key = key;
    probe.hash = System.identityHashCode(key);
    try {
      return map.get(probe);
    } finally {
      probe.key = null; // the probe must not keep the key alive either
    }
  }

  void put(Object key, V value) {
    removeCollected();
    map.put(new WeakKey(key, collected), value);
  }

  void remove(Object key) {
    Probe probe = probes.get();
    probe.key = key;
    probe.hash = System.identityHashCode(key);
    try {
      map.remove(probe);
    } finally {
      probe.key = null;
    }
  }

  int size() {
    removeCollected();
    return map.size();
  }

  private void removeCollected() {
    Object key;
    while ((key = collected.poll()) != null) {
      map.remove(key);
    }
  }

  private static final class WeakKey extends WeakReference<Object> {
    private final int hash;

    WeakKey(Object key, ReferenceQueue<Object> queue) {
      super(key, queue);
      this.hash = System.identityHashCode(key);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      if (other == this) {
        return true;
      }
      Object key = get();
      if (key == null) {
        return false; // collected: equal only to itself, which is how it is removed
      }
      if (other instanceof WeakKey) {
        return key == ((WeakKey) other).get();
      }
      return other instanceof Probe && key == ((Probe) other).key;
    }
  }

  private static final class Probe {
    Object key;
    int hash;

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof WeakKey && ((WeakKey) other).get() == key;
    }
  }
}
