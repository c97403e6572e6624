package dev.metricsagent.benchmarks.rules;

import com.example.bench.EmptyWork;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a YAML timer rule costs per call, against (a) the same method untimed and (c) the same
 * timing written by hand: {@code System.nanoTime()} around the call and {@code observe()} on a
 * data point looked up once, with the agent's buckets. Run from the repository root:
 * {@code java -jar benchmarks/target/benchmarks.jar RuleTimerBenchmark -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class RuleTimerBenchmark {

  /** The agent's default buckets (docs/configuration.md, histograms.buckets). */
  private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10};
  private static final double NANOS_PER_SECOND = 1_000_000_000.0;

  private final EmptyWork work = new EmptyWork();
  private int input;
  private DistributionDataPoint handTimed;

  @Setup
  public void createHandWrittenHistogram() {
    Histogram histogram = Histogram.builder(PrometheusProperties.builder().build())
        .name("hand_timed_seconds")
        .help("the same timing, written by hand")
        .unit(Unit.SECONDS)
        .labelNames("code_namespace", "code_function", "error_type")
        .classicUpperBounds(BUCKETS)
        .classicOnly()
        .withoutExemplars() // as the agent's own histograms
        .register(new PrometheusRegistry());
    handTimed = histogram.labelValues(EmptyWork.class.getName(), "work", "");
  }

  /** (a) The method, no agent. */
  @Benchmark
  @Fork(1)
  public int untimed() {
    return work.work(input++);
  }

  /** (b) The same method, timed by the rule in benchmarks/config/rules-benchmark.yaml. */
  @Benchmark
  @Fork(value = 1, jvmArgsAppend =
      "-javaagent:agent/target/metrics-agent.jar=config=benchmarks/config/rules-benchmark.yaml,port=0")
  public int ruleTimed() {
    return work.work(input++);
  }

  /** The two clock reads every timer makes, nothing else: what this machine's clock costs. */
  @Benchmark
  @Fork(1)
  public long clockOnly() {
    long start = System.nanoTime();
    int result = work.work(input++);
    return result + System.nanoTime() - start;
  }

  /** (c) The method timed by hand, no agent: the least a timer can cost. */
  @Benchmark
  @Fork(1)
  public int handTimed() {
    long start = System.nanoTime();
    int result = work.work(input++);
    handTimed.observe((System.nanoTime() - start) / NANOS_PER_SECOND);
    return result;
  }
}
