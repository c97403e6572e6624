package dev.metricsagent.instrumentation.jdbc;

import static dev.metricsagent.instrumentation.api.Matchers.nameStartsWith;
import static dev.metricsagent.instrumentation.api.Matchers.named;
import static dev.metricsagent.instrumentation.api.Matchers.not;
import static dev.metricsagent.instrumentation.api.Matchers.returns;

import dev.metricsagent.instrumentation.api.AdviceFactory;
import dev.metricsagent.instrumentation.api.AdviceTransformer;
import dev.metricsagent.instrumentation.api.ClassFileFilter;
import dev.metricsagent.instrumentation.api.ClassInfo;
import dev.metricsagent.instrumentation.api.Matcher;
import dev.metricsagent.instrumentation.api.MethodInfo;
import dev.metricsagent.instrumentation.api.TypeInstrumentation;

/**
 * {@code DataSource.getConnection} of every pool but HikariCP (whose own pool is timed, with its
 * pool name, by {@link HikariPoolInstrumentation}): the wait time under the DataSource's class name.
 */
final class DataSourceInstrumentation implements TypeInstrumentation {

  private static final String HIKARI = "com.zaxxer.hikari.";

  /** See {@link JdbcClassFiles#declaring}. */
  @Override
  public ClassFileFilter classFileFilter() {
    return JdbcClassFiles.declaring("getConnection(").exceptNamesStartingWith(HIKARI);
  }

  @Override
  public Matcher<ClassInfo> typeMatcher() {
    return not(nameStartsWith(HIKARI))
        .and(ApplicationTypes.implementing("javax.sql.DataSource", getConnection()));
  }

  @Override
  public AdviceTransformer transformer(AdviceFactory advice) {
    return advice
        .forAdvice()
        .advice(getConnection(), "dev.metricsagent.instrumentation.jdbc.DataSourceGetConnectionAdvice");
  }

  // Methods, not constants: building a matcher loads the matchers, and a start served from the
  // class cache asks this class for its pre-filter only.
  private static Matcher<MethodInfo> getConnection() {
    return named("getConnection").and(returns("java.sql.Connection"));
  }
}
