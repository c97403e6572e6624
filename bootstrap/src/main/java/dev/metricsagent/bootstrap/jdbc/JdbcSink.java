package dev.metricsagent.bootstrap.jdbc;

/**
 * What {@link JdbcBridge} forwards to: implemented by the jdbc instrumentation's recorder in the
 * agent's class loader. Parameters are {@code Object} because {@code java.sql} is not visible to
 * the bootstrap class loader that holds this interface.
 */
public interface JdbcSink {

  /**
   * The state to keep for a statement that {@code connection} just created: where it runs and,
   * for prepared statements, what {@code sql} does. {@code sql} is null for
   * {@code createStatement}. Called once per statement, by the innermost of nested calls.
   */
  Object describeStatement(Object connection, String sql);

  /** Remembers {@code state} (from {@link #describeStatement}) for {@code statement}, weakly. */
  void registerStatement(Object statement, Object state);

  /** {@code Statement.close()}: what was kept for it can go now rather than at the next GC. */
  void statementClosed(Object statement);

  /** A statement ran: {@code sql} is null for the no-argument prepared-statement variants. */
  void statementExecuted(Object statement, String sql, long durationNanos, Throwable thrown);

  /** {@code executeBatch} ran. */
  void batchExecuted(Object statement, long durationNanos, Throwable thrown);

  /** {@code Statement.addBatch(sql)}. */
  void batchAdded(Object statement, String sql);

  /** {@code Statement.clearBatch()}. */
  void batchCleared(Object statement);

  /** A HikariCP pool handed out a connection (or failed to) after waiting that long. */
  void hikariConnectionAcquired(Object pool, long durationNanos, Throwable thrown);

  /** Any other {@code DataSource.getConnection}. */
  void dataSourceConnectionAcquired(Object dataSource, long durationNanos, Throwable thrown);

  void hikariPoolStarted(Object pool);

  void hikariPoolClosed(Object pool);
}
