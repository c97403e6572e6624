package dev.metricsagent.bootstrap.jdbc;

/**
 * Implemented by the JDBC statement classes the agent rewrites as they load: a field of their
 * own holds what the agent knows about each statement (its database, its prepared SQL), so that
 * creating one allocates nothing. Statements of classes that took no field (loaded before the
 * agent, serializable, or in a module that cannot read the agent's bootstrap classes) are kept in
 * a weak map instead.
 *
 * <p>The odd name keeps it clear of any method a driver declares.
 */
public interface JdbcStatementField {

  Object metricsAgent$jdbcStatement();

  void metricsAgent$jdbcStatement(Object state);
}
