package dev.metricsagent.it.apps;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Stands for another agent in the same JVM (a profiler, a debugger's hot swap): given as a second
 * {@code -javaagent:jdbc-app.jar}, it retransforms every loaded JDBC statement class when
 * {@link JdbcApp} asks, with a transformer of its own that changes nothing. The JVM refuses a
 * retransformation that adds or drops a field, so this shows that the metrics agent writes again
 * the field it added to statement classes as they loaded.
 */
public final class StatementRetransformer {

    private static final String AGENT_FIELD = "dev.metricsagent.bootstrap.jdbc.JdbcStatementField";
    private static volatile Instrumentation instrumentation;

    private StatementRetransformer() {
    }

    public static void premain(String args, Instrumentation given) {
        given.addTransformer(new ClassFileTransformer() { }, true); // its default returns null: no change
        instrumentation = given;
    }

    static boolean installed() {
        return instrumentation != null;
    }

    /** Prints what it did, or what the JVM refused, for the test to read. */
    static void retransformStatementClasses() {
        List<Class<?>> statements = new ArrayList<>();
        int withField = 0;
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (Statement.class.isAssignableFrom(type) && !type.isInterface() && instrumentation.isModifiableClass(type)) {
                statements.add(type);
                for (Class<?> implemented : type.getInterfaces()) {
                    if (implemented.getName().equals(AGENT_FIELD)) {
                        withField++;
                    }
                }
            }
        }
        try {
            instrumentation.retransformClasses(statements.toArray(new Class<?>[0]));
            System.out.println("jdbc-app retransformed " + statements.size() + " statement classes, "
                    + withField + " with the agent's field");
        } catch (Exception | LinkageError e) {
            System.out.println("jdbc-app could not retransform " + statements + ": " + e);
        }
    }
}
