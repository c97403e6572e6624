package dev.metricsagent.instrumentation.api;

/** Finds the super types of a {@link ClassInfo}, through the class loader that defines it. */
@FunctionalInterface
public interface TypeResolver {

  /** The class of that binary name, or null when its class file cannot be read. */
  ClassInfo resolve(String name);
}
