package dev.metricsagent.instrumentation.jdbc;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.metricsagent.bootstrap.jdbc.JdbcStatementField;
import dev.metricsagent.instrumentation.api.AddedField;
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
  /** What the method matchers below accept, as names and the start of their descriptors. */
  private static final String[] SIGNATURES = {
    "execute(Ljava/lang/String;", "execute()", // executeSql(), executePrepared()
    "executeQuery(Ljava/lang/String;", "executeQuery()",
    "executeUpdate(Ljava/lang/String;", "executeUpdate()",
    "executeLargeUpdate(Ljava/lang/String;", "executeLargeUpdate()",
    "executeBatch()", "executeLargeBatch()", // executeBatch()
    "addBatch(Ljava/lang/String;)", "clearBatch()"
  };
  private static final AddedField STATE = AddedField.accessedThrough(JdbcStatementField.class);

  /** See {@link JdbcClassFiles#declaring}. */
  @Override
  public ClassFileFilter classFileFilter() {
    return JdbcClassFiles.declaring(SIGNATURES);
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
        executeSql().or(executePrepared()).or(executeBatch()).or(addBatch()).or(clearBatch()));
  }

  @Override
  public AgentBuilder.Transformer transformer(AdviceFactory advice) {
    return advice
        .forAdvice()
        .advice(executeSql(), PACKAGE + "ExecuteSqlAdvice")
        .advice(executePrepared(), PACKAGE + "ExecutePreparedAdvice")
        .advice(executeBatch(), PACKAGE + "ExecuteBatchAdvice")
        .advice(addBatch(), PACKAGE + "AddBatchAdvice")
        .advice(clearBatch(), PACKAGE + "ClearBatchAdvice")
        .advice(named("close").and(takesArguments(0)), PACKAGE + "CloseStatementAdvice");
  }

  /** Where the statement's state is kept: see {@link JdbcRecorder}. */
  @Override
  public AddedField addedField() {
    return STATE;
  }

  // Methods, not constants: building a matcher loads Byte Buddy, and a start served from the
  // class cache asks this class for its pre-filter only.
  private static ElementMatcher.Junction<MethodDescription> executeSql() {
    return namedOneOf(EXECUTE).and(isPublic()).and(takesArgument(0, String.class));
  }

  private static ElementMatcher.Junction<MethodDescription> executePrepared() {
    return namedOneOf(EXECUTE).and(isPublic()).and(takesArguments(0));
  }

  private static ElementMatcher.Junction<MethodDescription> executeBatch() {
    return namedOneOf("executeBatch", "executeLargeBatch").and(takesArguments(0));
  }

  private static ElementMatcher.Junction<MethodDescription> addBatch() {
    return named("addBatch").and(takesArguments(String.class));
  }

  private static ElementMatcher.Junction<MethodDescription> clearBatch() {
    return named("clearBatch").and(takesArguments(0));
  }
}
