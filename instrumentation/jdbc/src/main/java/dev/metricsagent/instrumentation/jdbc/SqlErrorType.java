package dev.metricsagent.instrumentation.jdbc;

import java.sql.SQLException;

/**
 * The {@code error_type} of a failed statement: the SQLState class (its first two characters,
 * {@code 42} for a syntax error or a missing table, {@code 23} for a constraint violation),
 * which is the same for every driver, or the exception's simple name when there is no SQLState.
 */
final class SqlErrorType {

  private SqlErrorType() {}

  /** Null when nothing was thrown. */
  static String of(Throwable thrown) {
    if (thrown == null) {
      return null;
    }
    if (thrown instanceof SQLException) {
      String state = ((SQLException) thrown).getSQLState();
      if (state != null && state.length() >= 2 && isAlphanumeric(state.charAt(0)) && isAlphanumeric(state.charAt(1))) {
        return state.substring(0, 2);
      }
    }
    String name = thrown.getClass().getSimpleName();
    return name.isEmpty() ? thrown.getClass().getName() : name;
  }

  private static boolean isAlphanumeric(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
  }
}
