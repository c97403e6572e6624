package dev.metricsagent.instrumentation.jdbc;

import static dev.metricsagent.instrumentation.api.Matchers.declaresMethod;
import static dev.metricsagent.instrumentation.api.Matchers.hasSuperType;
import static dev.metricsagent.instrumentation.api.Matchers.isInterface;
import static dev.metricsagent.instrumentation.api.Matchers.nameStartsWith;
import static dev.metricsagent.instrumentation.api.Matchers.named;
import static dev.metricsagent.instrumentation.api.Matchers.none;
import static dev.metricsagent.instrumentation.api.Matchers.not;

import dev.metricsagent.instrumentation.api.ClassInfo;
import dev.metricsagent.instrumentation.api.Matcher;
import dev.metricsagent.instrumentation.api.MethodInfo;


/**
 * Matches the classes that implement a JDBC interface, at the lowest cost the question allows.
 * Every class the JVM loads is asked, and JDBC implementations can be anywhere, so no class-loader
 * check helps. The checks run cheapest first, and the first two only read the class file that is
 * already parsed: the name (the JDK has no driver), "not an interface" and "declares one of the
 * methods to instrument" (a class that declares none has nothing to rewrite: its super class
 * is rewritten on its own). Only the few classes left get the walk up the type hierarchy, which
 * parses the class files of every super type. Without the method check, every class the
 * application loads would pay that walk: measured on a Spring Boot application (8,200 classes),
 * about a second of CPU at startup.
 */
final class ApplicationTypes {

  /** The JDK's packages: the JDK has no driver, only the JDBC interfaces. */
  static final String[] JDK_PREFIXES = {"java.", "javax.", "jdk.", "sun.", "com.sun."};

  /**
   * HikariCP's proxy connections and statements ({@code ProxyConnection}, {@code
   * HikariProxyPreparedStatement}, ...) only delegate to the driver's, which are rewritten
   * themselves and record the same calls (the outermost call records either way). Left alone,
   * they save half the JDBC classes rewritten at a HikariCP application's start (a fifth of the
   * agent's startup time on the demo) and one advice per call.
   */
  static final String[] POOL_PROXY_PREFIXES = {
    "com.zaxxer.hikari.pool.Proxy", "com.zaxxer.hikari.pool.HikariProxy"
  };

  private ApplicationTypes() {}

  static Matcher<ClassInfo> implementing(
      String interfaceName, Matcher<? super MethodInfo> instrumentedMethods) {
    return not(namedWithPrefix(JDK_PREFIXES))
        .and(not(namedWithPrefix(POOL_PROXY_PREFIXES)))
        .and(not(isInterface()))
        .and(declaresMethod(instrumentedMethods))
        .and(hasSuperType(named(interfaceName)));
  }

  private static Matcher<ClassInfo> namedWithPrefix(String... prefixes) {
    Matcher<ClassInfo> named = none();
    for (String prefix : prefixes) {
      named = named.or(nameStartsWith(prefix));
    }
    return named;
  }
}
