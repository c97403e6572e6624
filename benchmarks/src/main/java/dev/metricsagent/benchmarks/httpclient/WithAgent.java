package dev.metricsagent.benchmarks.httpclient;

import org.openjdk.jmh.annotations.Fork;

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
}
