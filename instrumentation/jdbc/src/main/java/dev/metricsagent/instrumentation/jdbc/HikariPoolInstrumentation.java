package dev.metricsagent.instrumentation.jdbc;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.metricsagent.instrumentation.api.AdviceFactory;
import dev.metricsagent.instrumentation.api.ClassFileFilter;
import dev.metricsagent.instrumentation.api.ClassLoaders;
import dev.metricsagent.instrumentation.api.TypeInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

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
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaders.canSee(POOL);
  }

  @Override
  public ClassFileFilter classFileFilter() {
    return ClassFileFilter.named(POOL, "com.zaxxer.hikari.pool.PoolBase");
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return namedOneOf(POOL, "com.zaxxer.hikari.pool.PoolBase");
  }

  @Override
  public AgentBuilder.Transformer transformer(AdviceFactory advice) {
    return advice
        .forAdvice()
        .advice(named("getConnection").and(takesArguments(long.class)), PACKAGE + "HikariGetConnectionAdvice")
        // Not PoolBase's constructor as well: one pool, one registration.
        .advice(isConstructor().and(isDeclaredBy(named(POOL))), PACKAGE + "HikariPoolStartAdvice")
        .advice(named("shutdown").and(takesArguments(0)), PACKAGE + "HikariPoolShutdownAdvice")
        .advice(named("newConnection"), PACKAGE + "PoolInternalWorkAdvice");
  }
}
