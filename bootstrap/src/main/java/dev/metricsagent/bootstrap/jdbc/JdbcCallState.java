package dev.metricsagent.bootstrap.jdbc;

import dev.metricsagent.bootstrap.AgentThreads;

/**
 * What one thread is inside of: how deep in statement executions, statement creations and
 * connection acquisitions. Wrappers (pool proxies, delegating statements) call the wrapped
 * object's same method, so depth decides which of the nested calls is recorded.
 */
final class JdbcCallState {

  /** The agent's own threads are never recorded; known once, when the state is created. */
  final boolean agentThread = AgentThreads.isCurrent();

  int executeDepth;
  int prepareDepth;
  int acquireDepth;
  /** Inside a pool's own connection creation (HikariCP's newConnection): nothing is recorded. */
  int poolInternalDepth;
  /** An inner getConnection of this acquisition has recorded: outer wrappers do not. */
  boolean acquireRecorded;

  /** What the innermost of nested statement creations described, for the outermost to keep. */
  Object pendingStatementState;
  String pendingSql;

  static final ThreadLocal<JdbcCallState> CURRENT =
      new ThreadLocal<JdbcCallState>() {
        @Override
        protected JdbcCallState initialValue() {
          return new JdbcCallState();
        }
      };

  /** Statements are recorded only at the top: not inside a pool's connection handling. */
  boolean mayRecordStatements() {
    return !agentThread && prepareDepth == 0 && acquireDepth == 0 && poolInternalDepth == 0;
  }
}
