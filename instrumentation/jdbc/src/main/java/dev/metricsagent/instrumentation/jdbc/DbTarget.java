package dev.metricsagent.instrumentation.jdbc;

/** Which database a connection talks to, as labels: {@code db_system_name} and {@code db_namespace}. */
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
  public String toString() {
    return namespace == null ? system : system + "/" + namespace;
  }
}
