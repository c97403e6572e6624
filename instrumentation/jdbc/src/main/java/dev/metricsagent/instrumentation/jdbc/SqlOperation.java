package dev.metricsagent.instrumentation.jdbc;

import java.util.Objects;

/**
 * What a SQL statement does, as far as labels go: the operation ({@code SELECT}, ...) and the
 * main table when it is known with confidence (otherwise null). Never any other part of the text.
 */
final class SqlOperation {

  static final SqlOperation OTHER = new SqlOperation("OTHER", null);
  /** A batch whose statements do different things, or an empty one. */
  static final SqlOperation MIXED_BATCH = new SqlOperation("BATCH", null, "BATCH");

  private final String name;
  private final String collection;
  /** {@code BATCH <name>}, made once rather than at every executeBatch. */
  private final String batchName;

  SqlOperation(String name, String collection) {
    this(name, collection, "BATCH " + name);
  }

  private SqlOperation(String name, String collection, String batchName) {
    this.name = name;
    this.collection = collection;
    this.batchName = batchName;
  }

  String name() {
    return name;
  }

  /** The table, or null. */
  String collection() {
    return collection;
  }

  String batchName() {
    return batchName;
  }

  /**
   * What a batch holding both is: the same operation on the same table stays as it is; the same
   * operation on different tables loses the table; different operations are {@link #MIXED_BATCH}.
   */
  SqlOperation combine(SqlOperation other) {
    if (this == other || equals(other)) {
      return this;
    }
    if (!name.equals(other.name) || this == MIXED_BATCH || other == MIXED_BATCH) {
      return MIXED_BATCH;
    }
    return new SqlOperation(name, null, batchName);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SqlOperation)) {
      return false;
    }
    SqlOperation other = (SqlOperation) o;
    return name.equals(other.name) && Objects.equals(collection, other.collection);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Objects.hashCode(collection);
  }

  @Override
  public String toString() {
    return collection == null ? name : name + " " + collection;
  }
}
