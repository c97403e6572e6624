package dev.metricsagent.instrumentation.api;

/** What classes and methods both have, for the matchers of names and modifiers. */
public interface Element {

  /** A class's binary name ({@code a.b.Outer$Inner}), a method's name ({@code <init>} too). */
  String name();

  /** The access flags of the class file, as {@link java.lang.reflect.Modifier} reads them. */
  int modifiers();
}
