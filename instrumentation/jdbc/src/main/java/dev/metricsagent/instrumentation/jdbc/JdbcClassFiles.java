package dev.metricsagent.instrumentation.jdbc;

import dev.metricsagent.instrumentation.api.ClassFileFilter;

/** The pre-filter shared by the JDBC instrumentations that match by interface. */
final class JdbcClassFiles {

  /**
   * A class that implements a JDBC method the agent instruments names a {@code java.sql} or
   * {@code javax.sql} type somewhere in its constant pool: it implements the interface itself,
   * or its methods return a {@code ResultSet}, take a {@code Connection}, or declare {@code
   * SQLException}. A subclass that only overrides {@code executeUpdate(String)} without any of
   * these would be skipped; its super class, being a JDBC class, is still instrumented.
   */
  static final ClassFileFilter MENTIONS_JDBC = ClassFileFilter.mentions("java/sql/", "javax/sql/");

  private JdbcClassFiles() {}
}
