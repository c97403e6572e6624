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

  /** See {@link JdbcClassFiles#declaring}. */
  @Override
  public ClassFileFilter classFileFilter() {
    // As prepare() and create() below.
    return JdbcClassFiles.declaring(
        "prepareStatement(Ljava/lang/String;", "prepareCall(Ljava/lang/String;", "createStatement(");
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return ApplicationTypes.implementing("java.sql.Connection", prepare().or(create()));
  }

  @Override
  public AgentBuilder.Transformer transformer(AdviceFactory advice) {
    return advice
        .forAdvice()
        .advice(prepare(), PACKAGE + "PrepareStatementAdvice")
        .advice(create(), PACKAGE + "CreateStatementAdvice");
  }

  // Methods, not constants: building a matcher loads Byte Buddy, and a start served from the
  // class cache asks this class for its pre-filter only.
  private static ElementMatcher.Junction<MethodDescription> prepare() {
    return namedOneOf("prepareStatement", "prepareCall").and(takesArgument(0, String.class));
  }

  private static ElementMatcher.Junction<MethodDescription> create() {
    return named("createStatement");
  }
}
