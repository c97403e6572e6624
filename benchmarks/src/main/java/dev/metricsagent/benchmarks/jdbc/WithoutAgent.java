package dev.metricsagent.benchmarks.jdbc;

import org.openjdk.jmh.annotations.Fork;

/** The baseline: {@link JdbcStatementBenchmark} in a JVM without the agent. */
@Fork(1)
public class WithoutAgent extends JdbcStatementBenchmark {

  @Override
  boolean expectsAgent() {
    return false;
  }
}
