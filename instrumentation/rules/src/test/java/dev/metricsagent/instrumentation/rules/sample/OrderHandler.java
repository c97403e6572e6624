package dev.metricsagent.instrumentation.rules.sample;

/** Implements the generic {@link Handler}: javac adds a synthetic bridge handle(Object). */
public class OrderHandler implements Handler<String> {

  @Override
  public void handle(String message) {}
}
