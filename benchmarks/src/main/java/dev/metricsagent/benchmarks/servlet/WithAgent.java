package dev.metricsagent.benchmarks.servlet;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link ServletRequestBenchmark} with the agent attached (all defaults, metrics served on a free
 * port). The path is relative: run JMH from the repository root.
 */
@Fork(value = 1, jvmArgsAppend = "-javaagent:agent/target/metrics-agent.jar=port=0")
public class WithAgent extends ServletRequestBenchmark {

  @Override
  boolean expectsAgent() {
    return true;
  }
}
