package dev.metricsagent.instrumentation.jdbc;

/**
 * What the agent keeps about one statement, from its creation: the database it runs against,
 * the operation of its SQL when prepared, and the batch a plain statement is building. Holds no
 * reference to the statement or its connection.
 */
final class StatementState {

  private final DbTarget target;
  /** Null for plain statements, whose SQL comes with each execute call. */
  private final SqlOperation prepared;
  /** {@code addBatch(sql)} so far on a plain statement; statements are used by one thread at a time. */
  private SqlOperation batch;

  StatementState(DbTarget target, SqlOperation prepared) {
    this.target = target;
    this.prepared = prepared;
  }

  DbTarget target() {
    return target;
  }

  /** The prepared SQL's operation, or {@link SqlOperation#OTHER} for a plain statement. */
  SqlOperation prepared() {
    return prepared != null ? prepared : SqlOperation.OTHER;
  }

  void batchAdded(SqlOperation operation) {
    batch = batch == null ? operation : batch.combine(operation);
  }

  void batchCleared() {
    batch = null;
  }

  /**
   * What {@code executeBatch} runs, and the batch is emptied (as JDBC does): the prepared
   * operation, or what the added statements share.
   */
  SqlOperation takeBatch() {
    if (prepared != null) {
      return prepared;
    }
    SqlOperation taken = batch == null ? SqlOperation.MIXED_BATCH : batch;
    batch = null;
    return taken;
  }
}
