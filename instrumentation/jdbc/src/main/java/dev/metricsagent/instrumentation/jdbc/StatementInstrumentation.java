package dev.metricsagent.instrumentation.jdbc;

import static dev.metricsagent.instrumentation.api.Matchers.isPublic;
import static dev.metricsagent.instrumentation.api.Matchers.named;
import static dev.metricsagent.instrumentation.api.Matchers.namedOneOf;
import static dev.metricsagent.instrumentation.api.Matchers.takesArgument;
import static dev.metricsagent.instrumentation.api.Matchers.takesArguments;

import dev.metricsagent.bootstrap.jdbc.JdbcStatementField;
import dev.metricsagent.instrumentation.api.AddedField;
import dev.metricsagent.instrumentation.api.AdviceFactory;
import dev.metricsagent.instrumentation.api.AdviceTransformer;
import dev.metricsagent.instrumentation.api.ClassFileFilter;
import dev.metricsagent.instrumentation.api.ClassInfo;
import dev.metricsagent.instrumentation.api.Matcher;
import dev.metricsagent.instrumentation.api.MethodInfo;
import dev.metricsagent.instrumentation.api.TypeInstrumentation;

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
  public Matcher<ClassInfo> typeMatcher() {
    return ApplicationTypes.implementing(
        "java.sql.Statement",
        executeSql().or(executePrepared()).or(executeBatch()).or(addBatch()).or(clearBatch()));
  }

  @Override
  public AdviceTransformer transformer(AdviceFactory advice) {
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

  // Methods, not constants: building a matcher loads the matchers, and a start served from the
  // class cache asks this class for its pre-filter only.
  private static Matcher<MethodInfo> executeSql() {
    return namedOneOf(EXECUTE).and(isPublic()).and(takesArgument(0, "java.lang.String"));
  }

  private static Matcher<MethodInfo> executePrepared() {
    return namedOneOf(EXECUTE).and(isPublic()).and(takesArguments(0));
  }

  private static Matcher<MethodInfo> executeBatch() {
    return namedOneOf("executeBatch", "executeLargeBatch").and(takesArguments(0));
  }

  private static Matcher<MethodInfo> addBatch() {
    return named("addBatch").and(takesArguments("java.lang.String"));
  }

  private static Matcher<MethodInfo> clearBatch() {
    return named("clearBatch").and(takesArguments(0));
  }
}
