package dev.metricsagent.instrumentation.jdbc;

import io.prometheus.metrics.core.datapoints.DistributionDataPoint;

/**
 * What the agent keeps about one statement, from its creation: the database it runs against,
 * the operation of its SQL when prepared, and the batch a plain statement is building. Holds no
 * reference to the statement or its connection.
 *
 * <p>Shared by every statement of the same database and prepared operation ({@link
 * StatementStates}); a plain statement that starts a batch gets a copy of its own first ({@link
 * #forBatch}), since only the batch differs from one statement to the next.
 */
final class StatementState {

  private final DbTarget target;
  /** Null for plain statements, whose SQL comes with each execute call. */
  private final SqlOperation prepared;
  private final boolean shared;
  /**
   * Where a successful execution of the prepared SQL is observed, found at the first one: a
   * statement executed many times skips the label lookups. Always the same data point for this
   * state, so threads that race to set it set the same value; volatile, because the state is
   * shared across threads and the data point must be seen whole.
   */
  private volatile DistributionDataPoint preparedSuccess;
  /** {@code addBatch(sql)} so far on a plain statement; statements are used by one thread at a time. */
  private SqlOperation batch;

  StatementState(DbTarget target, SqlOperation prepared, boolean shared) {
    this.target = target;
    this.prepared = prepared;
    this.shared = shared;
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

  /**
   * The state to add a batch statement to: this one, or, for a shared plain statement's, a copy
   * that the statement must keep from now on. A prepared statement's batch is its SQL, so its
   * state never changes.
   */
  StatementState forBatch() {
    return shared && prepared == null ? new StatementState(target, null, false) : this;
  }

  /** Only on the state {@link #forBatch} returned. */
  void batchAdded(SqlOperation operation) {
    if (prepared == null) {
      batch = batch == null ? operation : batch.combine(operation);
    }
  }

  void batchCleared() {
    if (batch != null) { // a shared state's is always null, and is not written
      batch = null;
    }
  }

  /**
   * What {@code executeBatch} runs, and the batch is emptied (as JDBC does): the prepared
   * operation, or what the added statements share.
   */
  SqlOperation takeBatch() {
    if (prepared != null) {
      return prepared;
    }
    if (batch == null) {
      return SqlOperation.MIXED_BATCH;
    }
    SqlOperation taken = batch;
    batch = null;
    return taken;
  }
}
