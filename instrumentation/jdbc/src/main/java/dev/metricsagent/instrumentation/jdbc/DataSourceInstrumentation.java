package dev.metricsagent.instrumentation.jdbc;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;

import dev.metricsagent.instrumentation.api.AdviceFactory;
import dev.metricsagent.instrumentation.api.ClassFileFilter;
import dev.metricsagent.instrumentation.api.TypeInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

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
  public ElementMatcher<TypeDescription> typeMatcher() {
    return not(nameStartsWith(HIKARI))
        .and(ApplicationTypes.implementing("javax.sql.DataSource", getConnection()));
  }

  @Override
  public AgentBuilder.Transformer transformer(AdviceFactory advice) {
    return advice
        .forAdvice()
        .advice(getConnection(), "dev.metricsagent.instrumentation.jdbc.DataSourceGetConnectionAdvice");
  }

  // Methods, not constants: building a matcher loads Byte Buddy, and a start served from the
  // class cache asks this class for its pre-filter only.
  private static ElementMatcher.Junction<MethodDescription> getConnection() {
    return named("getConnection").and(returns(named("java.sql.Connection")));
  }
}
