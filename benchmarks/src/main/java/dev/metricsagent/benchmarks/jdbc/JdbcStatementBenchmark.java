package dev.metricsagent.benchmarks.jdbc;

import dev.metricsagent.benchmarks.AgentJar;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of one JDBC statement against H2 in memory, the fastest database there is, so that
 * the agent's share is as visible as it can be. Run by {@link WithoutAgent} and {@link WithAgent}
 * in the same JMH run; docs/performance.md has the ratios.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public abstract class JdbcStatementBenchmark {

  private static final String SELECT_BY_ID = "SELECT name FROM bench_users WHERE id = ?";
  private static final String SELECT_ONE = "SELECT name FROM bench_users WHERE id = 42";
  private static final int ROWS = 100;

  private Connection connection;
  private PreparedStatement prepared;
  private Statement plain;
  private int next;

  @Setup
  public void open() throws SQLException {
    checkAgent();
    JdkTypeProfiles.likeAnyApplication();
    connection = DriverManager.getConnection("jdbc:h2:mem:bench" + System.nanoTime(), "sa", "");
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("CREATE TABLE bench_users (id INT PRIMARY KEY, name VARCHAR(50))");
      for (int id = 0; id < ROWS; id++) {
        ddl.executeUpdate("INSERT INTO bench_users VALUES (" + id + ", 'user " + id + "')");
      }
    }
    prepared = connection.prepareStatement(SELECT_BY_ID);
    plain = connection.createStatement();
  }

  @TearDown
  public void close() throws SQLException {
    connection.close();
  }

  /** Whether this fork must have the agent attached; a benchmark of the wrong setup is worthless. */
  abstract boolean expectsAgent();

  private void checkAgent() {
    AgentJar.check(expectsAgent(), "dev.metricsagent.bootstrap.jdbc.JdbcBridge");
  }


  /** A statement prepared once, executed many times: the common case with a pool's statement cache. */
  @Benchmark
  public String preparedQuery() throws SQLException {
    prepared.setInt(1, next++ % ROWS);
    try (ResultSet rows = prepared.executeQuery()) {
      return rows.next() ? rows.getString(1) : null;
    }
  }

  /** Plain {@code Statement.executeQuery(sql)}: the SQL is looked up in the parse cache every time. */
  @Benchmark
  public String plainQuery() throws SQLException {
    try (ResultSet rows = plain.executeQuery(SELECT_ONE)) {
      return rows.next() ? rows.getString(1) : null;
    }
  }

  /** prepareStatement, execute, close: also pays for remembering each new statement. */
  @Benchmark
  public String prepareExecuteClose() throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(SELECT_BY_ID)) {
      statement.setInt(1, next++ % ROWS);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }
}
