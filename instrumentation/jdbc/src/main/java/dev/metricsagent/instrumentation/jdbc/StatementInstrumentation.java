package dev.metricsagent.instrumentation.jdbc;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.metricsagent.instrumentation.api.AdviceFactory;
import dev.metricsagent.instrumentation.api.TypeInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Every {@code java.sql.Statement} implementation (so also PreparedStatement and
 * CallableStatement): drivers' statements, pool proxies, any wrapper. Only the outermost of
 * nested executions records (see JdbcBridge).
 */
final class StatementInstrumentation implements TypeInstrumentation {

  private static final String PACKAGE = "dev.metricsagent.instrumentation.jdbc.";
  private static final String[] EXECUTE = {"execute", "executeQuery", "executeUpdate", "executeLargeUpdate"};

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return ApplicationTypes.implementing("java.sql.Statement");
  }

  @Override
  public AgentBuilder.Transformer transformer(AdviceFactory advice) {
    return advice
        .forAdvice()
        .advice(
            namedOneOf(EXECUTE).and(isPublic()).and(takesArgument(0, String.class)),
            PACKAGE + "ExecuteSqlAdvice")
        .advice(namedOneOf(EXECUTE).and(isPublic()).and(takesArguments(0)), PACKAGE + "ExecutePreparedAdvice")
        .advice(
            namedOneOf("executeBatch", "executeLargeBatch").and(takesArguments(0)),
            PACKAGE + "ExecuteBatchAdvice")
        .advice(named("addBatch").and(takesArguments(String.class)), PACKAGE + "AddBatchAdvice")
        .advice(named("clearBatch").and(takesArguments(0)), PACKAGE + "ClearBatchAdvice")
        .advice(named("close").and(takesArguments(0)), PACKAGE + "CloseStatementAdvice");
  }
}
