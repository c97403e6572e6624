package dev.metricsagent.benchmarks.load;

import java.util.Arrays;

/**
 * Request latencies to the microsecond: a count per microsecond up to {@link #LINEAR_MICROS},
 * each slower one kept as it is. One per connection thread while it runs, merged at the end.
 */
final class Latencies {

  private static final int LINEAR_MICROS = 100_000;

  private final long[] countsPerMicro = new long[LINEAR_MICROS];
  private long[] slower = new long[16];
  private int slowerCount;
  private long count;
  private long sumNanos;
  private int errors;
  private Exception firstError;

  void record(long nanos) {
    long micros = nanos / 1_000;
    if (micros < LINEAR_MICROS) {
      countsPerMicro[(int) micros]++;
    } else {
      if (slowerCount == slower.length) {
        slower = Arrays.copyOf(slower, slowerCount * 2);
      }
      slower[slowerCount++] = micros;
    }
    count++;
    sumNanos += nanos;
  }

  void error(Exception e) {
    errors++;
    if (firstError == null) {
      firstError = e;
    }
  }

  synchronized void add(Latencies other) {
    for (int i = 0; i < LINEAR_MICROS; i++) {
      countsPerMicro[i] += other.countsPerMicro[i];
    }
    for (int i = 0; i < other.slowerCount; i++) {
      if (slowerCount == slower.length) {
        slower = Arrays.copyOf(slower, slowerCount * 2);
      }
      slower[slowerCount++] = other.slower[i];
    }
    count += other.count;
    sumNanos += other.sumNanos;
    errors += other.errors;
    if (firstError == null) {
      firstError = other.firstError;
    }
  }

  /** The smallest latency that at least {@code percent} % of the requests did not exceed. */
  long percentileMicros(double percent) {
    long rank = Math.max(1, (long) Math.ceil(count * percent / 100));
    long seen = 0;
    for (int i = 0; i < LINEAR_MICROS; i++) {
      seen += countsPerMicro[i];
      if (seen >= rank) {
        return i;
      }
    }
    long[] sorted = Arrays.copyOf(slower, slowerCount);
    Arrays.sort(sorted);
    return sorted[(int) Math.min(sorted.length - 1, rank - seen - 1)];
  }

  /**
   * Prints the figures; for a closed loop also busy, the latencies' sum over the duration and
   * the connections, which cannot exceed 1 when every latency is measured right (Little's law),
   * and for a fixed rate the rate achieved.
   */
  synchronized void print(long durationNanos, int connections, boolean fixedRate) {
    if (firstError != null) {
      System.err.println("first error: " + firstError);
    }
    System.out.printf("requests %d%n", count);
    System.out.printf("duration_us %d%n", durationNanos / 1_000);
    if (count > 0) {
      System.out.printf("p50_us %d%n", percentileMicros(50));
      System.out.printf("p90_us %d%n", percentileMicros(90));
      System.out.printf("p99_us %d%n", percentileMicros(99));
      System.out.printf("p99.9_us %d%n", percentileMicros(99.9));
    }
    System.out.printf("errors %d%n", errors);
    if (fixedRate) {
      System.out.printf("rate %.0f%n", count * 1e9 / durationNanos);
    } else {
      System.out.printf("busy %.3f%n", sumNanos / (double) durationNanos / connections);
    }
  }
}
