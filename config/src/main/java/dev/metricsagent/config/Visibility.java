package dev.metricsagent.config;

import java.lang.reflect.Modifier;

/** Which methods a rule may select by their access modifier. */
public enum Visibility {
  /** Public methods only (the default). */
  PUBLIC("public"),
  /** Public and protected methods. */
  PROTECTED("protected"),
  /** Every method except private ones. */
  PACKAGE("package"),
  /** Every method, private ones included. */
  ANY("any");

  private final String yamlName;

  Visibility(String yamlName) {
    this.yamlName = yamlName;
  }

  /** As written in YAML: public, protected, package or any. */
  public String yamlName() {
    return yamlName;
  }

  /** Whether a method with these modifiers ({@link java.lang.reflect.Modifier} bits) is visible enough. */
  public boolean allows(int modifiers) {
    switch (this) {
      case PUBLIC:
        return Modifier.isPublic(modifiers);
      case PROTECTED:
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
      case PACKAGE:
        return !Modifier.isPrivate(modifiers);
      default:
        return true;
    }
  }
}
