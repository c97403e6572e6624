package com.example.jdbc;

import java.sql.SQLException;

/**
 * A driver's internal class with execute methods of its own, as H2's {@code Command} and
 * pgjdbc's {@code QueryExecutorImpl} have: it names JDBC types but is no statement.
 */
public class QueryExecutor {

  public Object executeQuery(long maxRows, boolean scrollable) throws SQLException {
    return null;
  }

  public void execute(Object query, Object parameters) throws SQLException {}

  public int executeUpdate(Object generatedKeysRequest) throws SQLException {
    return 0;
  }
}
