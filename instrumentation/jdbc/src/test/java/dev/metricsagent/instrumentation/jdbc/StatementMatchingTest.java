package dev.metricsagent.instrumentation.jdbc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.jdbc.DriverStatement;
import com.example.jdbc.QueryExecutor;
import com.zaxxer.hikari.pool.ProxyStatement;
import dev.metricsagent.instrumentation.api.ClassInfo;
import dev.metricsagent.instrumentation.api.ClassLoaderTypes;
import dev.metricsagent.instrumentation.api.TypeInstrumentation;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Which statement classes the JDBC instrumentation rewrites: a driver's, not HikariCP's proxies,
 * which delegate to the driver's. The pre-filter and the type matcher must agree (the matcher
 * alone decides for classes retransformed after a late attach).
 */
class StatementMatchingTest {

  private final TypeInstrumentation statements = new StatementInstrumentation();

  @Test
  void aDriversStatementIsRewritten() throws IOException {
    assertTrue(statements.classFileFilter().accepts(internalName(DriverStatement.class), classFile(DriverStatement.class)));
    assertTrue(statements.typeMatcher().matches(describe(DriverStatement.class)));
  }

  @Test
  void hikariCpsProxyStatementIsLeftToTheDriversStatement() throws IOException {
    assertFalse(statements.classFileFilter().accepts(internalName(ProxyStatement.class), classFile(ProxyStatement.class)));
    assertFalse(statements.typeMatcher().matches(describe(ProxyStatement.class)));
  }

  @Test
  void aClassWithExecuteMethodsOfOtherShapesStopsAtTheFilter() throws IOException {
    // Its execute methods' parameters are not those of java.sql.Statement's.
    assertFalse(statements.classFileFilter().accepts(internalName(QueryExecutor.class), classFile(QueryExecutor.class)));
    assertFalse(statements.typeMatcher().matches(describe(QueryExecutor.class)));
  }

  @Test
  void theJdksClassesAreNeverDescribed() throws IOException {
    // The JDK has no driver: its JDBC classes (DriverManager, the interfaces) stop at the filter.
    assertFalse(statements.classFileFilter().accepts("java/sql/SomeStatement", classFile(DriverStatement.class)));
  }

  private static ClassInfo describe(Class<?> type) {
    return new ClassLoaderTypes(type.getClassLoader()).resolve(type.getName());
  }

  private static String internalName(Class<?> type) {
    return type.getName().replace('.', '/');
  }

  private static byte[] classFile(Class<?> type) throws IOException {
    try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
      return in.readAllBytes();
    }
  }
}
