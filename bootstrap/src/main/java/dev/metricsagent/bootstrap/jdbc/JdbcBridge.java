package dev.metricsagent.bootstrap.jdbc;

/**
 * What the jdbc advice, inlined into drivers, pools and wrappers, calls. Until the agent sets
 * the sink, every call does nothing but keep the per-thread depth right.
 *
 * <p>Nested calls count once. A pool proxy's {@code executeQuery} calls the driver's, and both
 * are instrumented: only the outermost execution is recorded (the application's view, with the
 * time the wrapper adds). Statement creation is the other way round: the innermost call
 * describes the statement (the driver's connection, cached for as long as the pool keeps it),
 * the outermost keeps that description for the statement the application receives. For
 * {@code getConnection} the innermost records: it is the pool that knows its name, while
 * {@code DataSource} wrappers around it would only add their class name.
 */
public final class JdbcBridge {

  /**
   * Returned by the enter methods when the call is not to be recorded. Zero, because that is
   * also what the exit advice sees if the enter advice failed: then nothing is recorded either.
   */
  public static final long NOT_RECORDED = 0L;

  private static volatile JdbcSink sink;

  private JdbcBridge() {}

  public static void connect(JdbcSink recorder) {
    sink = recorder;
  }

  // ------------------------------------------------------------ statement execution

  public static long executeEnter() {
    JdbcCallState state = JdbcCallState.CURRENT.get();
    if (state.executeDepth++ != 0 || sink == null || !state.mayRecordStatements()) {
      return NOT_RECORDED;
    }
    return now();
  }

  private static long now() {
    long now = System.nanoTime();
    return now == NOT_RECORDED ? now + 1 : now;
  }

  /** {@code sql}: the argument of {@code execute(sql)}, or null for a prepared statement's. */
  public static void executeExit(Object statement, String sql, long start, Throwable thrown) {
    long end = start == NOT_RECORDED ? 0 : System.nanoTime();
    leaveExecute();
    JdbcSink recorder = sink;
    if (start != NOT_RECORDED && recorder != null) {
      recorder.statementExecuted(statement, sql, end - start, thrown);
    }
  }

  public static void executeBatchExit(Object statement, long start, Throwable thrown) {
    long end = start == NOT_RECORDED ? 0 : System.nanoTime();
    leaveExecute();
    JdbcSink recorder = sink;
    if (start != NOT_RECORDED && recorder != null) {
      recorder.batchExecuted(statement, end - start, thrown);
    }
  }

  /** Entering {@code addBatch(sql)} or {@code clearBatch()}: true for the outermost call. */
  public static boolean batchChangeEnter() {
    return JdbcCallState.CURRENT.get().executeDepth++ == 0;
  }

  /** {@code sql} null: {@code clearBatch()}. */
  public static void batchChangeExit(boolean outermost, Object statement, String sql, Throwable thrown) {
    leaveExecute();
    JdbcSink recorder = sink;
    if (outermost && thrown == null && recorder != null) {
      if (sql == null) {
        recorder.batchCleared(statement);
      } else {
        recorder.batchAdded(statement, sql);
      }
    }
  }

  private static void leaveExecute() {
    JdbcCallState state = JdbcCallState.CURRENT.get();
    if (state.executeDepth > 0) {
      state.executeDepth--;
    }
  }

  // ------------------------------------------------------------ statement creation

  public static void prepareEnter() {
    JdbcCallState.CURRENT.get().prepareDepth++;
  }

  /**
   * A connection returned {@code statement} from {@code prepareStatement(sql)},
   * {@code prepareCall(sql)} or {@code createStatement()} ({@code sql} null).
   */
  public static void prepareExit(Object connection, Object statement, String sql, Throwable thrown) {
    JdbcCallState state = JdbcCallState.CURRENT.get();
    boolean outermost = state.prepareDepth <= 1;
    try {
      JdbcSink recorder = sink;
      if (recorder != null && thrown == null && statement != null && !state.agentThread) {
        // Described while still inside the creation, so that nothing the driver runs for it counts.
        Object described =
            state.pendingStatementState != null && sameSql(state.pendingSql, sql)
                ? state.pendingStatementState
                : recorder.describeStatement(connection, sql);
        if (outermost) {
          recorder.registerStatement(statement, described);
        } else {
          state.pendingStatementState = described;
          state.pendingSql = sql;
        }
      }
    } finally {
      if (state.prepareDepth > 0) {
        state.prepareDepth--;
      }
      if (outermost) {
        state.pendingStatementState = null;
        state.pendingSql = null;
      }
    }
  }

  private static boolean sameSql(String a, String b) {
    return a == b || (a != null && a.equals(b));
  }

  public static void statementClosed(Object statement) {
    JdbcSink recorder = sink;
    if (recorder != null) {
      recorder.statementClosed(statement);
    }
  }

  // ------------------------------------------------------------ connection acquisition

  public static long acquireEnter() {
    JdbcCallState state = JdbcCallState.CURRENT.get();
    if (state.acquireDepth++ == 0) {
      state.acquireRecorded = false;
    }
    return now();
  }

  public static void hikariAcquireExit(Object pool, long start, Throwable thrown) {
    long end = System.nanoTime();
    JdbcSink recorder = sink;
    if (leaveAcquireAsInnermost(start) && recorder != null) {
      recorder.hikariConnectionAcquired(pool, end - start, thrown);
    }
  }

  public static void dataSourceAcquireExit(Object dataSource, long start, Throwable thrown) {
    long end = System.nanoTime();
    JdbcSink recorder = sink;
    if (leaveAcquireAsInnermost(start) && recorder != null) {
      recorder.dataSourceConnectionAcquired(dataSource, end - start, thrown);
    }
  }

  /** Leaves one getConnection level; true when this is the first (innermost) to record. */
  private static boolean leaveAcquireAsInnermost(long start) {
    JdbcCallState state = JdbcCallState.CURRENT.get();
    if (state.acquireDepth > 0) {
      state.acquireDepth--;
    }
    if (start == NOT_RECORDED
        || state.acquireRecorded
        || state.agentThread
        || state.poolInternalDepth != 0) {
      return false;
    }
    state.acquireRecorded = true;
    return true;
  }

  /** Around a pool's own work (opening a physical connection): nothing inside is recorded. */
  public static void poolInternalEnter() {
    JdbcCallState.CURRENT.get().poolInternalDepth++;
  }

  public static void poolInternalExit() {
    JdbcCallState state = JdbcCallState.CURRENT.get();
    if (state.poolInternalDepth > 0) {
      state.poolInternalDepth--;
    }
  }

  // ------------------------------------------------------------ pool lifecycle

  public static void hikariPoolStarted(Object pool) {
    JdbcSink recorder = sink;
    if (recorder != null) {
      recorder.hikariPoolStarted(pool);
    }
  }

  public static void hikariPoolClosed(Object pool) {
    JdbcSink recorder = sink;
    if (recorder != null) {
      recorder.hikariPoolClosed(pool);
    }
  }
}
