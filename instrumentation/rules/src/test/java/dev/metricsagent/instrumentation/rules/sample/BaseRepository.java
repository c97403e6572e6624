package dev.metricsagent.instrumentation.rules.sample;

/** A base class rules select by extends:. */
public abstract class BaseRepository {

  public abstract void save(String item);

  public String find(long id) {
    return "item" + id;
  }
}
