package dev.metricsagent.instrumentation.jdbc;

import static dev.metricsagent.instrumentation.api.Matchers.named;
import static dev.metricsagent.instrumentation.api.Matchers.namedOneOf;
import static dev.metricsagent.instrumentation.api.Matchers.takesArgument;

import dev.metricsagent.instrumentation.api.AdviceFactory;
import dev.metricsagent.instrumentation.api.AdviceTransformer;
import dev.metricsagent.instrumentation.api.ClassFileFilter;
import dev.metricsagent.instrumentation.api.ClassInfo;
import dev.metricsagent.instrumentation.api.Matcher;
import dev.metricsagent.instrumentation.api.MethodInfo;
import dev.metricsagent.instrumentation.api.TypeInstrumentation;

/**
 * Every {@code java.sql.Connection} implementation: where statements are created, and so where a
 * prepared statement's SQL and the connection's database are learnt.
 */
final class ConnectionInstrumentation implements TypeInstrumentation {

  private static final String PACKAGE = "dev.metricsagent.instrumentation.jdbc.";

  /** See {@link JdbcClassFiles#declaring}. */
  @Override
  public ClassFileFilter classFileFilter() {
    // As prepare() and create() below.
    return JdbcClassFiles.declaring(
        "prepareStatement(Ljava/lang/String;", "prepareCall(Ljava/lang/String;", "createStatement(");
  }

  @Override
  public Matcher<ClassInfo> typeMatcher() {
    return ApplicationTypes.implementing("java.sql.Connection", prepare().or(create()));
  }

  @Override
  public AdviceTransformer transformer(AdviceFactory advice) {
    return advice
        .forAdvice()
        .advice(prepare(), PACKAGE + "PrepareStatementAdvice")
        .advice(create(), PACKAGE + "CreateStatementAdvice");
  }

  // Methods, not constants: building a matcher loads the matchers, and a start served from the
  // class cache asks this class for its pre-filter only.
  private static Matcher<MethodInfo> prepare() {
    return namedOneOf("prepareStatement", "prepareCall").and(takesArgument(0, "java.lang.String"));
  }

  private static Matcher<MethodInfo> create() {
    return named("createStatement");
  }
}
