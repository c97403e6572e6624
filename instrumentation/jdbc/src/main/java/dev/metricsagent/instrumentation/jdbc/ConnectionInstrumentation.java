package dev.metricsagent.instrumentation.jdbc;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import dev.metricsagent.instrumentation.api.AdviceFactory;
import dev.metricsagent.instrumentation.api.ClassFileFilter;
import dev.metricsagent.instrumentation.api.TypeInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Every {@code java.sql.Connection} implementation: where statements are created, and so where a
 * prepared statement's SQL and the connection's database are learnt.
 */
final class ConnectionInstrumentation implements TypeInstrumentation {

  private static final String PACKAGE = "dev.metricsagent.instrumentation.jdbc.";

  private static final ElementMatcher.Junction<MethodDescription> PREPARE =
      namedOneOf("prepareStatement", "prepareCall").and(takesArgument(0, String.class));
  private static final ElementMatcher.Junction<MethodDescription> CREATE = named("createStatement");

  /** See {@link JdbcClassFiles#declaring}. */
  @Override
  public ClassFileFilter classFileFilter() {
    return JdbcClassFiles.declaring("prepareStatement", "prepareCall", "createStatement");
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return ApplicationTypes.implementing("java.sql.Connection", PREPARE.or(CREATE));
  }

  @Override
  public AgentBuilder.Transformer transformer(AdviceFactory advice) {
    return advice
        .forAdvice()
        .advice(PREPARE, PACKAGE + "PrepareStatementAdvice")
        .advice(CREATE, PACKAGE + "CreateStatementAdvice");
  }
}
