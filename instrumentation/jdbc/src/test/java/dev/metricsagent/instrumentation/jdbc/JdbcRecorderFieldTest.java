package dev.metricsagent.instrumentation.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.metricsagent.bootstrap.jdbc.JdbcStatementField;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link JdbcRecorderTest}'s cases for statements whose class took the agent's field. */
class JdbcRecorderFieldTest extends JdbcRecorderTest {

  @Override
  Object newStatement() {
    return new StatementWithField();
  }

  @Test
  void theStateIsInTheStatementNotInTheMap() {
    StatementWithField statement = (StatementWithField) prepared("SELECT * FROM users");
    StatementWithField other = (StatementWithField) prepared("SELECT * FROM users");
    recorder.statementExecuted(statement, null, 1_000, null);

    assertEquals(Map.of("SELECT users ", 1L), counts());
    assertEquals(StatementState.class, statement.state.getClass());
    assertEquals(statement.state, other.state, "shared");
  }

  /** Closing writes nothing: the field goes with the statement, which no driver runs again. */
  @Override
  @Test
  void aClosedStatementIsForgotten() {
    StatementWithField statement = new StatementWithField();
    recorder.statementClosed(statement);
    assertNull(statement.state);
  }

  /** What the agent writes into a driver's statement class, in source form. */
  static final class StatementWithField implements JdbcStatementField {
    Object state;

    @Override
    public Object metricsAgent$jdbcStatement() {
      return state;
    }

    @Override
    public void metricsAgent$jdbcStatement(Object state) {
      this.state = state;
    }
  }
}
