package dev.metricsagent.instrumentation.jdbc;

import static dev.metricsagent.instrumentation.api.Matchers.isConstructor;
import static dev.metricsagent.instrumentation.api.Matchers.isDeclaredBy;
import static dev.metricsagent.instrumentation.api.Matchers.named;
import static dev.metricsagent.instrumentation.api.Matchers.namedOneOf;
import static dev.metricsagent.instrumentation.api.Matchers.takesArguments;

import dev.metricsagent.instrumentation.api.AdviceFactory;
import dev.metricsagent.instrumentation.api.AdviceTransformer;
import dev.metricsagent.instrumentation.api.ClassFileFilter;
import dev.metricsagent.instrumentation.api.ClassInfo;
import dev.metricsagent.instrumentation.api.ClassLoaders;
import dev.metricsagent.instrumentation.api.Matcher;
import dev.metricsagent.instrumentation.api.TypeInstrumentation;

/**
 * HikariCP's pool ({@code com.zaxxer.hikari.pool.HikariPool} and its base class {@code PoolBase},
 * HikariCP 3 to 6): the wait for a connection, the pool's life for the connection-count gauges,
 * and its own connection opening, inside which nothing is recorded (that is the pool's work,
 * not the application's: its connection-init SQL, its DataSource's getConnection).
 */
final class HikariPoolInstrumentation implements TypeInstrumentation {

  private static final String PACKAGE = "dev.metricsagent.instrumentation.jdbc.";
  private static final String POOL = "com.zaxxer.hikari.pool.HikariPool";

  @Override
  public Matcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaders.canSee(POOL);
  }

  @Override
  public ClassFileFilter classFileFilter() {
    return ClassFileFilter.named(POOL, "com.zaxxer.hikari.pool.PoolBase");
  }

  @Override
  public Matcher<ClassInfo> typeMatcher() {
    return namedOneOf(POOL, "com.zaxxer.hikari.pool.PoolBase");
  }

  @Override
  public AdviceTransformer transformer(AdviceFactory advice) {
    return advice
        .forAdvice()
        .advice(named("getConnection").and(takesArguments("long")), PACKAGE + "HikariGetConnectionAdvice")
        // Not PoolBase's constructor as well: one pool, one registration.
        .advice(isConstructor().and(isDeclaredBy(POOL)), PACKAGE + "HikariPoolStartAdvice")
        .advice(named("shutdown").and(takesArguments(0)), PACKAGE + "HikariPoolShutdownAdvice")
        .advice(named("newConnection"), PACKAGE + "PoolInternalWorkAdvice");
  }
}
