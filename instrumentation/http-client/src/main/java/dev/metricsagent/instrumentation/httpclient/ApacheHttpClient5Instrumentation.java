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
 * Apache HttpClient 5.x classic: {@code ConnectExec.execute}, the element of the execution chain
 * that connects (or reuses a connection) and passes one request on to be exchanged. Redirects,
 * retries and authentication challenges are handled above it and call it again, so each is an
 * observation of its own.
 */
final class ApacheHttpClient5Instrumentation implements TypeInstrumentation {

  private static final String CONNECT_EXEC = "org.apache.hc.client5.http.impl.classic.ConnectExec";

  @Override
  public Matcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaders.canSee(CONNECT_EXEC);
  }

  @Override
  public ClassFileFilter classFileFilter() {
    return ClassFileFilter.named(CONNECT_EXEC);
  }

  @Override
  public Matcher<ClassInfo> typeMatcher() {
    return named(CONNECT_EXEC);
  }

  @Override
  public AdviceTransformer transformer(AdviceFactory advice) {
    return advice
        .forAdvice()
        .advice(
            named("execute").and(takesArguments(3)),
            "dev.metricsagent.instrumentation.httpclient.ApacheHttpClient5ConnectExecAdvice");
  }
}
