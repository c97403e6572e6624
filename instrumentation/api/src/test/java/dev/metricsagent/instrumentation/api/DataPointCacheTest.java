package dev.metricsagent.instrumentation.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DataPointCacheTest {

  /** Stands for a data point: the label values it was created with. */
  private static final class Point {
    final String[] values;

    Point(String... values) {
      this.values = values.clone();
    }
  }

  private final Counter dropped =
      Counter.builder().name("dropped").labelNames("metric").withoutExemplars().build();
  private final CounterDataPoint droppedPoint = dropped.labelValues("test");
  private final AtomicInteger created = new AtomicInteger();

  private DataPointCache<Point> cache(int labels, int limit) {
    return new DataPointCache<>(
        labels,
        limit,
        values -> {
          created.incrementAndGet();
          return new Point(values);
        },
        droppedPoint);
  }

  @Test
  void oneDataPointPerCombinationCreatedWithTheValuesInOrder() {
    DataPointCache<Point> cache = cache(3, 100);
    Point first = cache.get("GET", "200", "api.github.com");
    assertArrayEquals(new String[] {"GET", "200", "api.github.com"}, first.values);
    assertSame(first, cache.get("GET", "200", "api.github.com"));
    assertSame(first, cache.get("GET", "200", new String("api.github.com"))); // equal, not identical
    assertNotSame(first, cache.get("GET", "404", "api.github.com"));
    assertNotSame(first, cache.get("200", "GET", "api.github.com"));
    assertEquals(3, created.get());
  }

  @Test
  void nullIsTheEmptyValue() {
    DataPointCache<Point> cache = cache(2, 100);
    Point point = cache.get("SELECT", null);
    assertArrayEquals(new String[] {"SELECT", ""}, point.values);
    assertSame(point, cache.get("SELECT", ""));
    assertEquals(1, created.get());
  }

  @Test
  void everyArityFindsItsOwnCombinations() {
    assertArrayEquals(new String[] {"a"}, cache(1, 10).get("a").values);
    assertArrayEquals(new String[] {"a", "b"}, cache(2, 10).get("a", "b").values);
    assertArrayEquals(new String[] {"a", "b", "c", "d"}, cache(4, 10).get("a", "b", "c", "d").values);
    assertArrayEquals(
        new String[] {"a", "b", "c", "d", "e"}, cache(5, 10).get("a", "b", "c", "d", "e").values);
    DataPointCache<Point> six = cache(6, 10);
    Point point = six.get("a", "b", "c", "d", "e", "f");
    assertArrayEquals(new String[] {"a", "b", "c", "d", "e", "f"}, point.values);
    assertSame(point, six.get("a", "b", "c", "d", "e", "f"));
  }

  @Test
  void theWrongNumberOfValuesIsAnError() {
    DataPointCache<Point> cache = cache(2, 10);
    assertThrows(IllegalArgumentException.class, () -> cache.get("a"));
    assertThrows(IllegalArgumentException.class, () -> cache.get("a", "b", "c"));
    assertThrows(IllegalArgumentException.class, () -> new DataPointCache<Point>(7, 10, Point::new, droppedPoint));
  }

  @Test
  void beyondTheLimitNewCombinationsShareTheOverflowPointAndAreCounted() {
    DataPointCache<Point> cache = cache(2, 3);
    Point a = cache.get("a", "1");
    cache.get("b", "1");
    cache.get("c", "1");
    Point overflow = cache.get("d", "1");
    assertArrayEquals(new String[] {"other", "other"}, overflow.values);
    assertSame(overflow, cache.get("e", null));
    assertSame(a, cache.get("a", "1")); // combinations made before the limit keep their own
    assertEquals(2, droppedPoint.get()); // one per observation that went to the overflow point
    assertEquals(4, created.get()); // three combinations and the overflow point
  }

  @Test
  void growsWithoutLosingCombinations() {
    DataPointCache<Point> cache = cache(2, 100_000);
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      points.add(cache.get("route" + i, Integer.toString(i % 7)));
    }
    for (int i = 0; i < 5_000; i++) {
      assertSame(points.get(i), cache.get("route" + i, Integer.toString(i % 7)));
    }
    assertEquals(5_000, created.get());
    assertEquals(0, droppedPoint.get());
  }

  @Test
  void threadsRacingForTheSameCombinationsCreateEachOnce() throws Exception {
    DataPointCache<Point> cache = cache(2, 100_000);
    int threads = 4;
    int combinations = 2_000;
    ConcurrentHashMap<String, Point> seen = new ConcurrentHashMap<>();
    AtomicInteger mismatches = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  return;
                }
                for (int i = 0; i < combinations; i++) {
                  Point point = cache.get("k" + i, "v");
                  if (seen.putIfAbsent("k" + i, point) != null && seen.get("k" + i) != point) {
                    mismatches.incrementAndGet();
                  }
                }
              });
      thread.start();
      running.add(thread);
    }
    start.countDown();
    for (Thread thread : running) {
      thread.join();
    }
    assertEquals(0, mismatches.get());
    assertEquals(combinations, created.get());
  }
}
