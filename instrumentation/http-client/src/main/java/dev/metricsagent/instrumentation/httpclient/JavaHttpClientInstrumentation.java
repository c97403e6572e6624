package dev.metricsagent.instrumentation.httpclient;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.metricsagent.instrumentation.api.AdviceFactory;
import dev.metricsagent.instrumentation.api.ClassFileFilter;
import dev.metricsagent.instrumentation.api.TypeInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

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
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("jdk.internal.net.http.HttpClientImpl");
  }

  @Override
  public AgentBuilder.Transformer transformer(AdviceFactory advice) {
    return advice
        .forAdvice()
        .advice(named("send").and(takesArguments(2)), PACKAGE + "JavaHttpClientSendAdvice")
        .advice(
            named("sendAsync").and(takesArguments(4)), PACKAGE + "JavaHttpClientSendAsyncAdvice");
  }
}
