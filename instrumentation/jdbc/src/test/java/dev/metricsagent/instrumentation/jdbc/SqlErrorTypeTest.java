package dev.metricsagent.instrumentation.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import org.junit.jupiter.api.Test;

class SqlErrorTypeTest {

  @Test
  void successHasNoErrorType() {
    assertNull(SqlErrorType.of(null));
  }

  @Test
  void sqlStateClassWhenTheDriverGivesOne() {
    assertEquals("42", SqlErrorType.of(new SQLException("relation does not exist", "42P01")));
    assertEquals("23", SqlErrorType.of(new BatchUpdateException("duplicate", "23505", new int[0])));
  }

  @Test
  void exceptionNameWithoutUsableSqlState() {
    assertEquals("SQLTimeoutException", SqlErrorType.of(new SQLTimeoutException("slow")));
    assertEquals("SQLException", SqlErrorType.of(new SQLException("odd", "?")));
    assertEquals("IllegalStateException", SqlErrorType.of(new IllegalStateException()));
  }
}
