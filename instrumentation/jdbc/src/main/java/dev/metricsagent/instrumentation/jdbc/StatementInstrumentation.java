package dev.metricsagent.instrumentation.jdbc;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.metricsagent.instrumentation.api.AdviceFactory;
import dev.metricsagent.instrumentation.api.ClassFileFilter;
import dev.metricsagent.instrumentation.api.TypeInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Every {@code java.sql.Statement} implementation (so also PreparedStatement and
 * CallableStatement): drivers' statements and any wrapper but HikariCP's proxies ({@link
 * ApplicationTypes#POOL_PROXY_PREFIXES}). Only the outermost of nested executions records (see
 * JdbcBridge).
 */
final class StatementInstrumentation implements TypeInstrumentation {

  private static final String PACKAGE = "dev.metricsagent.instrumentation.jdbc.";
  private static final String[] EXECUTE = {"execute", "executeQuery", "executeUpdate", "executeLargeUpdate"};

  private static final ElementMatcher.Junction<MethodDescription> EXECUTE_SQL =
      namedOneOf(EXECUTE).and(isPublic()).and(takesArgument(0, String.class));
  private static final ElementMatcher.Junction<MethodDescription> EXECUTE_PREPARED =
      namedOneOf(EXECUTE).and(isPublic()).and(takesArguments(0));
  private static final ElementMatcher.Junction<MethodDescription> EXECUTE_BATCH =
      namedOneOf("executeBatch", "executeLargeBatch").and(takesArguments(0));
  private static final ElementMatcher.Junction<MethodDescription> ADD_BATCH =
      named("addBatch").and(takesArguments(String.class));
  private static final ElementMatcher.Junction<MethodDescription> CLEAR_BATCH =
      named("clearBatch").and(takesArguments(0));

  /** See {@link JdbcClassFiles#declaring}. */
  @Override
  public ClassFileFilter classFileFilter() {
    return JdbcClassFiles.declaring("execute", "addBatch", "clearBatch");
  }

  /**
   * Not close(), which half the classes of any application declare: a statement class that
   * overrides close() alone keeps its superclass's advice, and its entries then leave the
   * agent's map when the statement is garbage collected rather than when it is closed.
   */
  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return ApplicationTypes.implementing(
        "java.sql.Statement",
        EXECUTE_SQL.or(EXECUTE_PREPARED).or(EXECUTE_BATCH).or(ADD_BATCH).or(CLEAR_BATCH));
  }

  @Override
  public AgentBuilder.Transformer transformer(AdviceFactory advice) {
    return advice
        .forAdvice()
        .advice(EXECUTE_SQL, PACKAGE + "ExecuteSqlAdvice")
        .advice(EXECUTE_PREPARED, PACKAGE + "ExecutePreparedAdvice")
        .advice(EXECUTE_BATCH, PACKAGE + "ExecuteBatchAdvice")
        .advice(ADD_BATCH, PACKAGE + "AddBatchAdvice")
        .advice(CLEAR_BATCH, PACKAGE + "ClearBatchAdvice")
        .advice(named("close").and(takesArguments(0)), PACKAGE + "CloseStatementAdvice");
  }
}
