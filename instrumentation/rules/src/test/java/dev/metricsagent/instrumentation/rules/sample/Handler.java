package dev.metricsagent.instrumentation.rules.sample;

/** An interface rules select by: its default method has a body, its abstract one has none. */
public interface Handler<T> {

  void handle(T message);

  default String describe() {
    return getClass().getSimpleName();
  }
}
