package dev.metricsagent.instrumentation.jdbc;

import io.prometheus.metrics.core.datapoints.DistributionDataPoint;

/**
 * What the agent keeps about one statement, from its creation: the database it runs against,
 * the operation of its SQL when prepared, and the batch a plain statement is building. Holds no
 * reference to the statement or its connection.
 */
final class StatementState {

  private final DbTarget target;
  /** Null for plain statements, whose SQL comes with each execute call. */
  private final SqlOperation prepared;
  /**
   * Where a successful execution of the prepared SQL is observed, found at the first one: a
   * statement executed many times skips the label lookups. Always the same data point for this
   * state, so threads that race to set it set the same value.
   */
  private DistributionDataPoint preparedSuccess;
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

  /** Null for a plain statement, and until the first successful execution. */
  DistributionDataPoint preparedSuccess() {
    return preparedSuccess;
  }

  void preparedSuccess(DistributionDataPoint dataPoint) {
    preparedSuccess = dataPoint;
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
