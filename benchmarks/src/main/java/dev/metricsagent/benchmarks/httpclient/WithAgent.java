package dev.metricsagent.benchmarks.httpclient;

import dev.metricsagent.bootstrap.httpclient.HttpClientBridge;
import java.net.URL;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * {@link HttpClientBenchmark} with the agent attached (all defaults, metrics served on a free
 * port). The path is relative: run JMH from the repository root.
 */
@Fork(
    value = 1,
    jvmArgsAppend = {
      "-javaagent:agent/target/metrics-agent.jar=port=0",
      HttpClientBenchmark.NO_DELAY
    })
public class WithAgent extends HttpClientBenchmark {

  @Override
  boolean expectsAgent() {
    return true;
  }

  /**
   * The agent's own work for one exchange, without the exchange: the bridge calls that
   * UrlConnectionExchangeAdvice makes (enter, then exit with the URL's parts and the status),
   * so two clock reads, the thread's exchange mark, the label lookup and the observation, into
   * the series the real exchanges use. The exchanges' error bars on this machine are microseconds
   * wide; this is what they hide.
   */
  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public void adviceWork() {
    URL url = url();
    long start = HttpClientBridge.enter();
    HttpClientBridge.exit(
        start, "GET", url.getProtocol(), url.getHost(), url.getPort(), url.getPath(), 200, null);
  }
}
