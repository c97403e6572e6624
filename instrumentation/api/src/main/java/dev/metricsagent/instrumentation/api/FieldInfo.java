package dev.metricsagent.instrumentation.api;

/** A field a class declares, as its class file declares it. */
public final class FieldInfo implements Element {

  private final String name;
  private final String descriptor;
  private final int modifiers;

  FieldInfo(String name, String descriptor, int modifiers) {
    this.name = name;
    this.descriptor = descriptor;
    this.modifiers = modifiers;
  }

  @Override
  public String name() {
    return name;
  }

  /** {@code Ljava/lang/String;}, {@code I}. */
  public String descriptor() {
    return descriptor;
  }

  @Override
  public int modifiers() {
    return modifiers;
  }
}
