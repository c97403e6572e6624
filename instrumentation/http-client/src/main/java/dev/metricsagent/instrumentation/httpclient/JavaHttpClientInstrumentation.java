package dev.metricsagent.instrumentation.httpclient;

import static dev.metricsagent.instrumentation.api.Matchers.named;
import static dev.metricsagent.instrumentation.api.Matchers.takesArguments;

import dev.metricsagent.instrumentation.api.AdviceFactory;
import dev.metricsagent.instrumentation.api.AdviceTransformer;
import dev.metricsagent.instrumentation.api.ClassFileFilter;
import dev.metricsagent.instrumentation.api.ClassInfo;
import dev.metricsagent.instrumentation.api.Matcher;
import dev.metricsagent.instrumentation.api.TypeInstrumentation;

/**
 * {@code java.net.http.HttpClient}: its implementation's {@code send} (recorded when it returns,
 * so the application sees the observation as soon as it has the response) and the private
 * four-argument {@code sendAsync} that every asynchronous send goes through (recorded when the
 * response future completes). {@code send} calls that {@code sendAsync} itself; the bridge's
 * per-thread mark keeps it from counting twice.
 */
final class JavaHttpClientInstrumentation implements TypeInstrumentation {

  private static final String PACKAGE = "dev.metricsagent.instrumentation.httpclient.";

  @Override
  public ClassFileFilter classFileFilter() {
    return ClassFileFilter.named("jdk.internal.net.http.HttpClientImpl");
  }

  @Override
  public Matcher<ClassInfo> typeMatcher() {
    return named("jdk.internal.net.http.HttpClientImpl");
  }

  @Override
  public AdviceTransformer transformer(AdviceFactory advice) {
    return advice
        .forAdvice()
        .advice(named("send").and(takesArguments(2)), PACKAGE + "JavaHttpClientSendAdvice")
        .advice(
            named("sendAsync").and(takesArguments(4)), PACKAGE + "JavaHttpClientSendAsyncAdvice");
  }
}
