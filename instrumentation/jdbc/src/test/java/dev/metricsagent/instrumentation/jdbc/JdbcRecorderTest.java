package dev.metricsagent.instrumentation.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.metricsagent.config.AgentConfig;
import dev.metricsagent.instrumentation.api.Meters;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * What the recorder makes of the bridge's calls. Statements and connections are plain objects
 * here: the recorder only asks real JDBC objects for their connection or URL when it was never
 * told, which then falls back to {@code other}. These statements have no {@link
 * dev.metricsagent.bootstrap.jdbc.JdbcStatementField}, so their states are in the recorder's
 * weak map; {@link JdbcRecorderFieldTest} runs the same with the field.
 */
class JdbcRecorderTest {

  final PrometheusRegistry registry = new PrometheusRegistry();
  final JdbcRecorder recorder =
      new JdbcRecorder(
          new Meters(registry, PrometheusProperties.builder().build(), AgentConfig.defaults()),
          new HikariPoolGauges());
  private final Object connection = new Object();

  @Test
  void aPreparedStatementIsRecordedWithItsOperationAndTable() {
    Object statement = prepared("SELECT * FROM users WHERE id = ?");
    recorder.statementExecuted(statement, null, 1_000, null);
    recorder.statementExecuted(statement, null, 1_000, null);

    assertEquals(Map.of("SELECT users ", 2L), counts());
  }

  @Test
  void aPlainStatementIsRecordedWithTheOperationOfEachSql() {
    Object statement = plain();
    recorder.statementExecuted(statement, "INSERT INTO a VALUES (1)", 1_000, null);
    recorder.statementExecuted(statement, "delete from b", 1_000, null);

    assertEquals(Map.of("INSERT a ", 1L, "DELETE b ", 1L), counts());
  }

  @Test
  void aFailureRecordsTheSqlStateClass() {
    Object statement = prepared("UPDATE users SET a = ?");
    recorder.statementExecuted(statement, null, 1_000, new SQLException("no", "40001"));
    recorder.statementExecuted(statement, null, 1_000, null);

    assertEquals(Map.of("UPDATE users 40", 1L, "UPDATE users ", 1L), counts());
  }

  @Test
  void batchesAreOneObservationNamedAfterWhatTheyHold() {
    Object prepared = prepared("INSERT INTO a VALUES (?)");
    recorder.batchExecuted(prepared, 1_000, null);

    Object sameTable = plain();
    recorder.batchAdded(sameTable, "UPDATE a SET x = 1");
    recorder.batchAdded(sameTable, "UPDATE a SET x = 2");
    recorder.batchExecuted(sameTable, 1_000, null);

    Object twoTables = plain();
    recorder.batchAdded(twoTables, "DELETE FROM a");
    recorder.batchAdded(twoTables, "DELETE FROM b");
    recorder.batchExecuted(twoTables, 1_000, null);

    Object mixed = plain();
    recorder.batchAdded(mixed, "INSERT INTO a VALUES (1)");
    recorder.batchAdded(mixed, "DELETE FROM a");
    recorder.batchExecuted(mixed, 1_000, null);

    assertEquals(
        Map.of("BATCH INSERT a ", 1L, "BATCH UPDATE a ", 1L, "BATCH DELETE  ", 1L, "BATCH  ", 1L),
        counts());
  }

  @Test
  void executeBatchEmptiesThePlainBatchAndClearBatchDoesToo() {
    Object statement = plain();
    recorder.batchAdded(statement, "INSERT INTO a VALUES (1)");
    recorder.batchExecuted(statement, 1_000, null);
    recorder.batchAdded(statement, "DELETE FROM a");
    recorder.batchExecuted(statement, 1_000, null);
    recorder.batchAdded(statement, "UPDATE a SET x = 1");
    recorder.batchCleared(statement);
    recorder.batchAdded(statement, "DELETE FROM a");
    recorder.batchExecuted(statement, 1_000, null);

    assertEquals(Map.of("BATCH INSERT a ", 1L, "BATCH DELETE a ", 2L), counts());
  }

  @Test
  void aStatementTheAgentNeverSawCreatedIsStillRecorded() {
    recorder.statementExecuted(newStatement(), "SELECT 1", 1_000, null);
    recorder.statementExecuted(newStatement(), null, 1_000, null);

    assertEquals(Map.of("SELECT  ", 1L, "OTHER  ", 1L), counts(), "db_system_name other");
  }

  @Test
  void aClosedStatementIsForgotten() {
    Object statement = prepared("SELECT * FROM users");
    recorder.statementClosed(statement);
    recorder.statementExecuted(statement, null, 1_000, null);

    assertEquals(Map.of("OTHER  ", 1L), counts());
  }

  @Test
  void statementsOfOneDatabaseAndOperationShareTheirStateButNotTheirBatches() {
    Object first = prepared("SELECT * FROM users WHERE id = ?");
    Object second = prepared("select * from users where id = ?");
    recorder.statementExecuted(first, null, 1_000, null);
    recorder.statementExecuted(second, null, 1_000, null);

    Object batching = plain();
    Object plain = plain();
    recorder.batchAdded(batching, "DELETE FROM a");
    recorder.statementExecuted(plain, "DELETE FROM b", 1_000, null);
    recorder.batchExecuted(plain, 1_000, null);
    recorder.batchExecuted(batching, 1_000, null);

    assertEquals(
        Map.of("SELECT users ", 2L, "DELETE b ", 1L, "BATCH  ", 1L, "BATCH DELETE a ", 1L), counts());
  }

  /** A statement as a driver hands it out; the recorder is told of it by {@link #prepared}. */
  Object newStatement() {
    return new Object();
  }

  Object prepared(String sql) {
    Object statement = newStatement();
    recorder.registerStatement(statement, recorder.describeStatement(connection, sql));
    return statement;
  }

  Object plain() {
    Object statement = newStatement();
    recorder.registerStatement(statement, recorder.describeStatement(connection, null));
    return statement;
  }

  /** "operation table error_type" to count, for every series; the database is "other" here. */
  Map<String, Long> counts() {
    Map<String, Long> counts = new TreeMap<>();
    HistogramSnapshot snapshot =
        (HistogramSnapshot)
            registry.scrape().stream()
                .filter(s -> JdbcRecorder.DURATION.startsWith(s.getMetadata().getPrometheusName()))
                .findFirst()
                .orElseThrow();
    for (HistogramSnapshot.HistogramDataPointSnapshot point : snapshot.getDataPoints()) {
      Labels labels = point.getLabels();
      assertEquals("other", labels.get("db_system_name"));
      counts.put(
          labels.get("db_operation_name") + " " + labels.get("db_collection_name") + " " + labels.get("error_type"),
          point.getCount());
    }
    return counts;
  }
}
