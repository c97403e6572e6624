package dev.metricsagent.instrumentation.httpclient;

import static dev.metricsagent.instrumentation.api.Matchers.named;
import static dev.metricsagent.instrumentation.api.Matchers.takesArguments;

import dev.metricsagent.instrumentation.api.AdviceFactory;
import dev.metricsagent.instrumentation.api.AdviceTransformer;
import dev.metricsagent.instrumentation.api.ClassFileFilter;
import dev.metricsagent.instrumentation.api.ClassInfo;
import dev.metricsagent.instrumentation.api.ClassLoaders;
import dev.metricsagent.instrumentation.api.Matcher;
import dev.metricsagent.instrumentation.api.TypeInstrumentation;

/**
 * Apache HttpClient 4.x: {@code MainClientExec.execute}, the element of the execution chain
 * that connects and exchanges one request. Retries and redirects sit above it and call it again
 * for each attempt, so each attempt is one observation (an authentication challenge answered
 * inside it is not a separate one).
 */
final class ApacheHttpClient4Instrumentation implements TypeInstrumentation {

  private static final String MAIN_CLIENT_EXEC = "org.apache.http.impl.execchain.MainClientExec";

  @Override
  public Matcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaders.canSee(MAIN_CLIENT_EXEC);
  }

  @Override
  public ClassFileFilter classFileFilter() {
    return ClassFileFilter.named(MAIN_CLIENT_EXEC);
  }

  @Override
  public Matcher<ClassInfo> typeMatcher() {
    return named(MAIN_CLIENT_EXEC);
  }

  @Override
  public AdviceTransformer transformer(AdviceFactory advice) {
    return advice
        .forAdvice()
        .advice(
            named("execute").and(takesArguments(4)),
            "dev.metricsagent.instrumentation.httpclient.ApacheHttpClient4ExecAdvice");
  }
}
