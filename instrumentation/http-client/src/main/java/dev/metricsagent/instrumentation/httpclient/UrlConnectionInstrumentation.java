package dev.metricsagent.instrumentation.httpclient;

import static dev.metricsagent.instrumentation.api.Matchers.named;
import static dev.metricsagent.instrumentation.api.Matchers.returns;
import static dev.metricsagent.instrumentation.api.Matchers.takesNoArguments;

import dev.metricsagent.instrumentation.api.AdviceFactory;
import dev.metricsagent.instrumentation.api.AdviceTransformer;
import dev.metricsagent.instrumentation.api.ClassFileFilter;
import dev.metricsagent.instrumentation.api.ClassInfo;
import dev.metricsagent.instrumentation.api.Matcher;
import dev.metricsagent.instrumentation.api.TypeInstrumentation;

/**
 * {@code java.net.HttpURLConnection} (http and https: the https implementation delegates to a
 * subclass of the same class). The exchange happens in the private {@code getInputStream0}, which
 * every way of reading a response (getInputStream, getResponseCode, getHeaderField...) goes
 * through; redirects it follows are decided in {@code followRedirect}; a failed explicit
 * {@code connect()} is an exchange that never got further.
 */
final class UrlConnectionInstrumentation implements TypeInstrumentation {

  private static final String PACKAGE = "dev.metricsagent.instrumentation.httpclient.";

  @Override
  public ClassFileFilter classFileFilter() {
    return ClassFileFilter.named("sun.net.www.protocol.http.HttpURLConnection");
  }

  @Override
  public Matcher<ClassInfo> typeMatcher() {
    return named("sun.net.www.protocol.http.HttpURLConnection");
  }

  @Override
  public AdviceTransformer transformer(AdviceFactory advice) {
    return advice
        .forAdvice()
        .advice(
            named("getInputStream0").and(takesNoArguments()),
            PACKAGE + "UrlConnectionExchangeAdvice")
        .advice(named("connect").and(takesNoArguments()), PACKAGE + "UrlConnectionConnectAdvice")
        .advice(
            named("followRedirect").and(takesNoArguments()).and(returns("boolean")),
            PACKAGE + "UrlConnectionRedirectAdvice");
  }
}
