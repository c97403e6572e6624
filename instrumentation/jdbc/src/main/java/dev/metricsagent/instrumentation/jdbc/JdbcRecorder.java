package dev.metricsagent.instrumentation.jdbc;

import dev.metricsagent.bootstrap.jdbc.JdbcSink;
import dev.metricsagent.bootstrap.jdbc.JdbcStatementField;
import dev.metricsagent.instrumentation.api.DataPointCache;
import dev.metricsagent.instrumentation.api.Meters;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;
import java.sql.Statement;

/**
 * Turns what the jdbc advice reports into observations. Per statement execution: the
 * statement's state, then for a prepared statement that succeeds the observation on its data
 * point, found at its first success; otherwise one cached parse for plain SQL and one data-point
 * lookup.
 *
 * <p>A statement's state is in a field the agent adds to the driver's statement classes as they
 * load ({@link JdbcStatementField}), and the states themselves are shared ({@link
 * StatementStates}): creating, executing and closing a statement allocate nothing. Statements of
 * classes without the field (loaded before the agent was attached, or serializable) are kept in
 * a weak map from statement to state, which holds the statement weakly and loses its entry at
 * {@code close()}. The SQL of a prepared statement is not readable back from any JDBC API, so
 * the state is learnt when the statement is created.
 */
final class JdbcRecorder implements JdbcSink {

  static final String DURATION = "db_client_operation_duration_seconds";
  static final String WAIT_TIME = "db_client_connection_wait_time_seconds";

  private final DataPointCache<DistributionDataPoint> durations;
  private final DataPointCache<DistributionDataPoint> waitTimes;
  private final HikariPoolGauges hikariPools;
  /** Statements whose class has no {@link JdbcStatementField}. */
  private final WeakIdentityMap<StatementState> statements = new WeakIdentityMap<>();
  private final StatementStates states = new StatementStates();
  private final DbTargetResolver targets = new DbTargetResolver();
  private final SqlOperationCache operations = new SqlOperationCache();

  JdbcRecorder(Meters meters, HikariPoolGauges hikariPools) {
    Histogram duration =
        meters.secondsHistogram(
            DURATION,
            "Duration of database client operations (JDBC statement executions).",
            "db_system_name",
            "db_namespace",
            "db_operation_name",
            "db_collection_name",
            "error_type");
    this.durations = meters.dataPoints(DURATION, 5, duration::labelValues);
    Histogram wait =
        meters.secondsHistogram(
            WAIT_TIME,
            "Time it took to obtain a connection from the pool (DataSource.getConnection).",
            "db_client_connection_pool_name");
    this.waitTimes = meters.dataPoints(WAIT_TIME, 1, wait::labelValues);
    this.hikariPools = hikariPools;
  }

  @Override
  public Object describeStatement(Object connection, String sql) {
    return states.of(targets.of(connection), sql == null ? null : operations.get(sql));
  }

  @Override
  public void registerStatement(Object statement, Object state) {
    if (statement instanceof JdbcStatementField) {
      ((JdbcStatementField) statement).metricsAgent$jdbcStatement(state);
    } else {
      statements.put(statement, (StatementState) state);
    }
  }

  /** A statement's field goes with it; only a map entry has to be removed. */
  @Override
  public void statementClosed(Object statement) {
    if (!(statement instanceof JdbcStatementField)) {
      statements.remove(statement);
    }
  }

  /** Null for a statement created before the agent started. */
  private StatementState stateOf(Object statement) {
    return statement instanceof JdbcStatementField
        ? (StatementState) ((JdbcStatementField) statement).metricsAgent$jdbcStatement()
        : statements.get(statement);
  }

  @Override
  public void statementExecuted(Object statement, String sql, long durationNanos, Throwable thrown) {
    StatementState state = stateOf(statement);
    if (sql == null && thrown == null && state != null) {
      DistributionDataPoint success = state.preparedSuccess();
      if (success == null) {
        SqlOperation prepared = state.prepared();
        success = dataPoint(state.target(), prepared.name(), prepared.collection(), null);
        state.preparedSuccess(success);
      }
      success.observe(durationNanos / 1e9);
      return;
    }
    SqlOperation operation =
        sql != null ? operations.get(sql) : state != null ? state.prepared() : SqlOperation.OTHER;
    record(target(statement, state), operation.name(), operation.collection(), thrown, durationNanos);
  }

  @Override
  public void batchExecuted(Object statement, long durationNanos, Throwable thrown) {
    StatementState state = stateOf(statement);
    SqlOperation batch = state != null ? state.takeBatch() : SqlOperation.MIXED_BATCH;
    record(target(statement, state), batch.batchName(), batch.collection(), thrown, durationNanos);
  }

  @Override
  public void batchAdded(Object statement, String sql) {
    StatementState state = stateOf(statement);
    if (state != null) {
      StatementState own = state.forBatch();
      if (own != state) {
        registerStatement(statement, own);
      }
      own.batchAdded(operations.get(sql));
    }
  }

  @Override
  public void batchCleared(Object statement) {
    StatementState state = stateOf(statement);
    if (state != null) {
      state.batchCleared();
    }
  }

  @Override
  public void hikariConnectionAcquired(Object pool, long durationNanos, Throwable thrown) {
    // HikariPool.toString() is its pool name (HikariConfig.poolName, e.g. HikariPool-1).
    waitTimes.get(String.valueOf(pool)).observe(durationNanos / 1e9);
  }

  @Override
  public void dataSourceConnectionAcquired(Object dataSource, long durationNanos, Throwable thrown) {
    Class<?> type = dataSource.getClass();
    String name = type.getSimpleName();
    waitTimes.get(name.isEmpty() ? type.getName() : name).observe(durationNanos / 1e9);
  }

  @Override
  public void hikariPoolStarted(Object pool) {
    hikariPools.started(pool);
  }

  @Override
  public void hikariPoolClosed(Object pool) {
    hikariPools.closed(pool);
  }

  /** A statement created before the agent started has no state: ask it for its connection. */
  private DbTarget target(Object statement, StatementState state) {
    if (state != null) {
      return state.target();
    }
    try {
      return statement instanceof Statement
          ? targets.of(((Statement) statement).getConnection())
          : DbTarget.UNKNOWN;
    } catch (Exception e) {
      return DbTarget.UNKNOWN;
    }
  }

  private void record(DbTarget target, String operation, String collection, Throwable thrown, long nanos) {
    dataPoint(target, operation, collection, SqlErrorType.of(thrown)).observe(nanos / 1e9);
  }

  private DistributionDataPoint dataPoint(
      DbTarget target, String operation, String collection, String errorType) {
    return durations.get(target.system(), target.namespace(), operation, collection, errorType);
  }
}
