package dev.metricsagent.instrumentation.jdbc;

import dev.metricsagent.instrumentation.api.ClassFileFilter;
import java.util.LinkedHashSet;
import java.util.Set;

/** The pre-filter shared by the JDBC instrumentations that match by interface. */
final class JdbcClassFiles {

  private static final ClassFileFilter MENTIONS_JDBC =
      ClassFileFilter.mentions("java/sql/", "javax/sql/");

  private JdbcClassFiles() {}

  /**
   * Classes that may declare one of these JDBC methods, other than the JDK's and HikariCP's
   * proxies (names {@link ApplicationTypes} never matches). Such a class names a {@code
   * java.sql} or {@code javax.sql} type somewhere in its constant pool (it implements the
   * interface itself, or its methods return a {@code ResultSet} or {@code Connection}, or
   * declare {@code SQLException}), and the method's own name; then it must be a class that
   * declares a method with code whose name and parameters start as given, which sets apart the
   * driver's statement from the driver's and the application's classes that only call it, or
   * that have execute methods of their own ({@code execute(Query, ParameterList)}). A subclass
   * that only overrides {@code executeUpdate(String)} without naming any JDBC type would be
   * skipped; its super class, being a JDBC class, is still instrumented.
   *
   * @param signatures each a method's name and the start of its descriptor, as the type
   *     matcher's method matchers require them: {@code "execute(Ljava/lang/String;"}, {@code
   *     "executeBatch()"}
   */
  static ClassFileFilter declaring(String... signatures) {
    Set<String> names = new LinkedHashSet<>();
    for (String signature : signatures) {
      names.add(signature.substring(0, signature.indexOf('(')));
    }
    return MENTIONS_JDBC
        .andMentions(names.toArray(new String[0]))
        .andDeclaresConcrete(signatures)
        .exceptNamesStartingWith(ApplicationTypes.JDK_PREFIXES)
        .exceptNamesStartingWith(ApplicationTypes.POOL_PROXY_PREFIXES);
  }
}
