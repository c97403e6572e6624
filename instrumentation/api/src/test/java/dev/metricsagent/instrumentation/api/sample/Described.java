package dev.metricsagent.instrumentation.api.sample;

import java.io.Serializable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.Map;

/** A class with one of each thing ClassInfo reads. */
@Described.Marked
public class Described extends Base implements Serializable, Comparable<Described> {

  /** Kept in the class file only: the agent reads it, reflection could not. */
  @Retention(RetentionPolicy.CLASS)
  public @interface Marked {}

  public static final long serialVersionUID = 1L;
  protected String name;

  public Described(String name) {
    this.name = name;
  }

  @Marked
  public String[] lookUp(int count, Map.Entry<String, Object> entry, byte[][] raw) {
    return new String[count];
  }

  static void helper() {}

  @Override
  public void close() {}

  @Override
  public int compareTo(Described other) { // and a synthetic bridge compareTo(Object)
    return name.compareTo(other.name);
  }
}

abstract class Base implements AutoCloseable {
  private int hidden;
  int packageVisible;

  void work() {}
}
