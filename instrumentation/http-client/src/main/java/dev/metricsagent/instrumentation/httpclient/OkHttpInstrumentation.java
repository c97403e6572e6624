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
 * OkHttp 3.x and 4.x: {@code ConnectInterceptor.intercept}, the link of the interceptor chain
 * that opens (or reuses) a connection and runs the network exchange below it. Retries and
 * redirects are decided above it and pass through it again; responses served from OkHttp's cache
 * never reach it, as they never reach the wire. Asynchronous calls run the same chain on
 * OkHttp's dispatcher threads, so they are recorded when their response arrives.
 */
final class OkHttpInstrumentation implements TypeInstrumentation {

  private static final String CONNECT_INTERCEPTOR = "okhttp3.internal.connection.ConnectInterceptor";

  @Override
  public Matcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaders.canSee(CONNECT_INTERCEPTOR);
  }

  @Override
  public ClassFileFilter classFileFilter() {
    return ClassFileFilter.named(CONNECT_INTERCEPTOR);
  }

  @Override
  public Matcher<ClassInfo> typeMatcher() {
    return named(CONNECT_INTERCEPTOR);
  }

  @Override
  public AdviceTransformer transformer(AdviceFactory advice) {
    return advice
        .forAdvice()
        .advice(
            named("intercept").and(takesArguments(1)),
            "dev.metricsagent.instrumentation.httpclient.OkHttpConnectInterceptorAdvice");
  }
}
