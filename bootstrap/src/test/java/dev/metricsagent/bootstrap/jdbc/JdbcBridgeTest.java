package dev.metricsagent.bootstrap.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which of nested calls the bridge reports. The advice around each instrumented method calls
 * enter before the method's body and exit after it; nesting here stands for a wrapper (a pool's
 * proxy) calling the object it wraps.
 */
class JdbcBridgeTest {

  private final RecordingSink sink = new RecordingSink();

  @BeforeEach
  void connect() {
    JdbcBridge.connect(sink);
  }

  @AfterEach
  void disconnect() {
    JdbcBridge.connect(null);
  }

  @Test
  void aWrappedExecutionIsRecordedOnceForTheOutermostStatement() {
    long proxy = JdbcBridge.executeEnter();
    long driver = JdbcBridge.executeEnter();
    JdbcBridge.executeExit("driver statement", "SELECT 1", driver, null);
    JdbcBridge.executeExit("proxy statement", "SELECT 1", proxy, null);

    assertEquals(List.of("executed proxy statement SELECT 1"), sink.events);
  }

  @Test
  void consecutiveExecutionsAreEachRecorded() {
    for (int i = 0; i < 3; i++) {
      JdbcBridge.executeExit("statement", null, JdbcBridge.executeEnter(), null);
    }
    assertEquals(3, sink.events.size());
  }

  @Test
  void theThrowableIsPassedOn() {
    IllegalStateException failure = new IllegalStateException();
    JdbcBridge.executeExit("statement", "SELECT 1", JdbcBridge.executeEnter(), failure);
    assertEquals(List.of("executed statement SELECT 1 IllegalStateException"), sink.events);
  }

  @Test
  void theInnermostCreationDescribesTheStatementTheOutermostReturns() {
    JdbcBridge.prepareEnter(); // the pool's proxy connection
    JdbcBridge.prepareEnter(); // the driver's connection
    JdbcBridge.prepareExit("driver connection", "driver statement", "SELECT 1", null);
    JdbcBridge.prepareExit("proxy connection", "proxy statement", "SELECT 1", null);

    assertEquals(
        List.of(
            "described driver connection SELECT 1",
            "registered proxy statement as <driver connection SELECT 1>"),
        sink.events);
  }

  @Test
  void aCreationNestedForOtherSqlDoesNotDescribeTheOuterStatement() {
    JdbcBridge.prepareEnter(); // prepareCall
    JdbcBridge.prepareEnter(); // the driver looks up procedure metadata
    JdbcBridge.prepareExit("connection", "metadata statement", "SELECT * FROM procs", null);
    JdbcBridge.prepareExit("connection", "callable statement", "{call p}", null);

    assertEquals(
        List.of(
            "described connection SELECT * FROM procs",
            "described connection {call p}",
            "registered callable statement as <connection {call p}>"),
        sink.events);
  }

  @Test
  void statementsRunWhileAStatementIsCreatedAreNotRecorded() {
    JdbcBridge.prepareEnter();
    JdbcBridge.executeExit("metadata statement", "SELECT 1", JdbcBridge.executeEnter(), null);
    JdbcBridge.prepareExit("connection", "statement", "{call p}", null);

    assertEquals(
        List.of("described connection {call p}", "registered statement as <connection {call p}>"),
        sink.events);
  }

  @Test
  void theInnermostGetConnectionRecordsTheWait() {
    long wrapper = JdbcBridge.acquireEnter(); // e.g. a TransactionAwareDataSourceProxy
    long pool = JdbcBridge.acquireEnter();
    JdbcBridge.hikariAcquireExit("HikariPool-1", pool, null);
    JdbcBridge.dataSourceAcquireExit("wrapper", wrapper, null);

    assertEquals(List.of("acquired from HikariPool-1"), sink.events);
  }

  @Test
  void nothingInsideAPoolsOwnWorkIsRecorded() {
    JdbcBridge.poolInternalEnter();
    JdbcBridge.dataSourceAcquireExit("driver data source", JdbcBridge.acquireEnter(), null);
    JdbcBridge.executeExit("init statement", "SET x = 1", JdbcBridge.executeEnter(), null);
    JdbcBridge.poolInternalExit();
    JdbcBridge.executeExit("statement", "SELECT 1", JdbcBridge.executeEnter(), null);

    assertEquals(List.of("executed statement SELECT 1"), sink.events);
  }

  @Test
  void statementsRunByAPoolWhileLendingAConnectionAreNotRecorded() {
    long start = JdbcBridge.acquireEnter();
    JdbcBridge.executeExit("test query", "SELECT 1", JdbcBridge.executeEnter(), null);
    JdbcBridge.hikariAcquireExit("HikariPool-1", start, null);

    assertEquals(List.of("acquired from HikariPool-1"), sink.events);
  }

  @Test
  void anAddBatchDelegatedToTheDriverIsSeenOnce() {
    boolean proxy = JdbcBridge.batchChangeEnter();
    boolean driver = JdbcBridge.batchChangeEnter();
    JdbcBridge.batchChangeExit(driver, "driver statement", "INSERT INTO t VALUES (1)", null);
    JdbcBridge.batchChangeExit(proxy, "proxy statement", "INSERT INTO t VALUES (1)", null);
    JdbcBridge.batchChangeExit(JdbcBridge.batchChangeEnter(), "proxy statement", null, null);

    assertEquals(
        List.of("added proxy statement INSERT INTO t VALUES (1)", "cleared proxy statement"),
        sink.events);
  }

  @Test
  void withoutASinkNothingHappensAndDepthsStayBalanced() {
    JdbcBridge.connect(null);
    JdbcBridge.executeExit("statement", "SELECT 1", JdbcBridge.executeEnter(), null);
    JdbcBridge.connect(sink);
    JdbcBridge.executeExit("statement", "SELECT 1", JdbcBridge.executeEnter(), null);

    assertEquals(List.of("executed statement SELECT 1"), sink.events);
  }

  /** Writes each call as a line; descriptions are strings standing for the recorder's state. */
  private static final class RecordingSink implements JdbcSink {
    final List<String> events = new ArrayList<>();

    @Override
    public Object describeStatement(Object connection, String sql) {
      events.add("described " + connection + " " + sql);
      return "<" + connection + " " + sql + ">";
    }

    @Override
    public void registerStatement(Object statement, Object state) {
      events.add("registered " + statement + " as " + state);
    }

    @Override
    public void statementClosed(Object statement) {
      events.add("closed " + statement);
    }

    @Override
    public void statementExecuted(Object statement, String sql, long durationNanos, Throwable thrown) {
      events.add("executed " + statement + " " + sql + (thrown == null ? "" : " " + thrown.getClass().getSimpleName()));
    }

    @Override
    public void batchExecuted(Object statement, long durationNanos, Throwable thrown) {
      events.add("batch executed " + statement);
    }

    @Override
    public void batchAdded(Object statement, String sql) {
      events.add("added " + statement + " " + sql);
    }

    @Override
    public void batchCleared(Object statement) {
      events.add("cleared " + statement);
    }

    @Override
    public void hikariConnectionAcquired(Object pool, long durationNanos, Throwable thrown) {
      events.add("acquired from " + pool);
    }

    @Override
    public void dataSourceConnectionAcquired(Object dataSource, long durationNanos, Throwable thrown) {
      events.add("acquired from " + dataSource);
    }

    @Override
    public void hikariPoolStarted(Object pool) {
      events.add("started " + pool);
    }

    @Override
    public void hikariPoolClosed(Object pool) {
      events.add("closed pool " + pool);
    }
  }
}
