package dev.metricsagent.instrumentation.jdbc;

import java.util.Objects;

/**
 * Which database a connection talks to, as labels: {@code db_system_name} and {@code
 * db_namespace}. Equal by value: each connection resolves its own.
 */
final class DbTarget {

  static final DbTarget UNKNOWN = new DbTarget("other", null);

  private final String system;
  private final String namespace;

  DbTarget(String system, String namespace) {
    this.system = system;
    this.namespace = namespace;
  }

  String system() {
    return system;
  }

  /** The database name, or null when the URL does not say. */
  String namespace() {
    return namespace;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DbTarget)) {
      return false;
    }
    DbTarget other = (DbTarget) o;
    return system.equals(other.system) && Objects.equals(namespace, other.namespace);
  }

  @Override
  public int hashCode() {
    return system.hashCode() * 31 + Objects.hashCode(namespace);
  }

  @Override
  public String toString() {
    return namespace == null ? system : system + "/" + namespace;
  }
}
