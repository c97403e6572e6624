package dev.metricsagent.instrumentation.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class WeakIdentityMapTest {

  @Test
  void keysAreComparedByIdentityNotEquals() {
    WeakIdentityMap<String> map = new WeakIdentityMap<>();
    String first = new String("same text");
    String second = new String("same text");
    map.put(first, "first");
    assertEquals("first", map.get(first));
    assertNull(map.get(second));
  }

  @Test
  void removedKeysAreGone() {
    WeakIdentityMap<String> map = new WeakIdentityMap<>();
    Object key = new Object();
    map.put(key, "value");
    map.remove(key);
    assertNull(map.get(key));
    assertEquals(0, map.size());
  }

  @Test
  void entriesOfCollectedKeysGoAway() throws InterruptedException {
    WeakIdentityMap<String> map = new WeakIdentityMap<>();
    Object kept = new Object();
    map.put(kept, "kept");
    map.put(new Object(), "dropped");
    for (int i = 0; i < 100 && map.size() > 1; i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertEquals(1, map.size());
    assertEquals("kept", map.get(kept));
  }
}
