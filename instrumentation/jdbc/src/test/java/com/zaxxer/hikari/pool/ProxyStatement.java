package com.zaxxer.hikari.pool;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Named as HikariCP's proxy, shaped as any driver's statement: for StatementMatchingTest. */
public abstract class ProxyStatement implements Statement {

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    return null;
  }
}
