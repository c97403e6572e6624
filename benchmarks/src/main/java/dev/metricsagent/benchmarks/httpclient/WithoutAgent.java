package dev.metricsagent.benchmarks.httpclient;

import org.openjdk.jmh.annotations.Fork;

/** The baseline: {@link HttpClientBenchmark} in a JVM without the agent. */
@Fork(value = 1, jvmArgsAppend = HttpClientBenchmark.NO_DELAY)
public class WithoutAgent extends HttpClientBenchmark {

  @Override
  boolean expectsAgent() {
    return false;
  }
}
