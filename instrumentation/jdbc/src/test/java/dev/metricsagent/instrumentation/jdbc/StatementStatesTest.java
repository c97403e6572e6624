package dev.metricsagent.instrumentation.jdbc;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class StatementStatesTest {

  private final StatementStates states = new StatementStates();
  private final DbTarget orders = new DbTarget("postgresql", "orders");

  @Test
  void oneStatePerDatabaseAndOperationWhicheverConnectionAsks() {
    SqlOperation select = new SqlOperation("SELECT", "users");
    StatementState state = states.of(orders, select);

    assertSame(state, states.of(new DbTarget("postgresql", "orders"), new SqlOperation("SELECT", "users")));
    assertNotSame(state, states.of(new DbTarget("postgresql", "billing"), select));
    assertNotSame(state, states.of(orders, new SqlOperation("SELECT", "items")));
    assertSame(states.of(orders, null), states.of(orders, null), "plain statements");
    assertNotSame(states.of(orders, null), states.of(orders, SqlOperation.OTHER));
  }

  @Test
  void aPlainStatementBatchesInACopyOfItsOwn() {
    StatementState shared = states.of(orders, null);
    StatementState own = shared.forBatch();
    own.batchAdded(new SqlOperation("DELETE", "a"));

    assertNotSame(shared, own);
    assertSame(own, own.forBatch());
    assertSame(SqlOperation.MIXED_BATCH, shared.takeBatch(), "the shared state has no batch");
    StatementState prepared = states.of(orders, new SqlOperation("INSERT", "a"));
    assertSame(prepared, prepared.forBatch(), "a prepared statement's batch is its SQL");
  }

  @Test
  void beyondTheBoundEachStatementGetsItsOwnState() {
    for (int i = 0; i < StatementStates.MAX_ENTRIES; i++) {
      states.of(orders, new SqlOperation("SELECT", "t" + i));
    }
    SqlOperation late = new SqlOperation("SELECT", "late");

    assertNotSame(states.of(orders, late), states.of(orders, late));
    assertSame(states.of(orders, new SqlOperation("SELECT", "t1")), states.of(orders, new SqlOperation("SELECT", "t1")));
  }
}
