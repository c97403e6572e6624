package dev.metricsagent.benchmarks.servlet;

import org.openjdk.jmh.annotations.Fork;

/** The baseline: {@link ServletRequestBenchmark} in a JVM without the agent. */
@Fork(1)
public class WithoutAgent extends ServletRequestBenchmark {

  @Override
  boolean expectsAgent() {
    return false;
  }
}
