package dev.metricsagent.instrumentation.rules.sample;

/** One method annotated, one not. */
public class Billing {

  @Timed
  public void charge(long cents) {}

  public void refund(long cents) {}
}
