package com.example.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A driver's statement as the JDBC instrumentation sees one: for StatementMatchingTest. */
public abstract class DriverStatement implements Statement {

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    return null;
  }
}
