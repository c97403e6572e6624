package dev.metricsagent.instrumentation.jdbc;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One {@link StatementState} per database and prepared operation, shared by every statement
 * that has them, so that creating a statement allocates nothing: applications prepare a
 * statement per query. Bounded like {@link SqlOperationCache}; beyond the bound each statement
 * gets a state of its own.
 */
final class StatementStates {

  static final int MAX_ENTRIES = 4_096;

  /** The key of plain statements' state: no parsed SQL has an empty operation name. */
  private static final SqlOperation PLAIN = new SqlOperation("", null);

  private final ConcurrentHashMap<DbTarget, ConcurrentHashMap<SqlOperation, StatementState>> byTarget =
      new ConcurrentHashMap<>();
  private final AtomicInteger size = new AtomicInteger();

  /** {@code prepared} null: a plain statement. */
  StatementState of(DbTarget target, SqlOperation prepared) {
    SqlOperation key = prepared == null ? PLAIN : prepared;
    ConcurrentHashMap<SqlOperation, StatementState> states = byTarget.get(target);
    StatementState state = states == null ? null : states.get(key);
    if (state != null) {
      return state;
    }
    if (size.get() >= MAX_ENTRIES) {
      return new StatementState(target, prepared, false);
    }
    if (states == null) {
      states = byTarget.computeIfAbsent(target, ignored -> new ConcurrentHashMap<>());
    }
    StatementState made = new StatementState(target, prepared, true);
    StatementState raced = states.putIfAbsent(key, made);
    if (raced != null) {
      return raced;
    }
    size.incrementAndGet();
    return made;
  }
}
