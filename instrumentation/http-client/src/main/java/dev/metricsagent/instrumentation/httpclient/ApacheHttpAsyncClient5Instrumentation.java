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
 * Apache HttpClient 5.x async ({@code HttpAsyncClients.createDefault()}, {@code custom()}):
 * {@code AsyncConnectExec.execute}, the element of the async execution chain that gets a
 * connection for one request and passes it on to be exchanged, the async twin of the classic
 * {@code ConnectExec}. Redirects, retries and authentication challenges are handled above it
 * and call it again, so each is an observation of its own. The exchange ends later, on the
 * client's I/O threads: the advice swaps the callback it is given for a proxy that records the
 * response head or the failure as it passes through.
 */
final class ApacheHttpAsyncClient5Instrumentation implements TypeInstrumentation {

  private static final String ASYNC_CONNECT_EXEC =
      "org.apache.hc.client5.http.impl.async.AsyncConnectExec";

  @Override
  public Matcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaders.canSee(ASYNC_CONNECT_EXEC);
  }

  @Override
  public ClassFileFilter classFileFilter() {
    return ClassFileFilter.named(ASYNC_CONNECT_EXEC);
  }

  @Override
  public Matcher<ClassInfo> typeMatcher() {
    return named(ASYNC_CONNECT_EXEC);
  }

  @Override
  public AdviceTransformer transformer(AdviceFactory advice) {
    return advice
        .forAdvice()
        .advice(
            named("execute").and(takesArguments(5)),
            "dev.metricsagent.instrumentation.httpclient.ApacheHttpAsyncClient5ConnectExecAdvice");
  }
}
