package com.example.bench;

/**
 * The method the rule benchmark times: as close to empty as a method can be while its result
 * still flows back to JMH. Outside dev.metricsagent, which the agent never instruments.
 */
public final class EmptyWork {

  public int work(int input) {
    return input;
  }
}
