package dev.metricsagent.instrumentation.httpclient;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.metricsagent.instrumentation.api.AdviceFactory;
import dev.metricsagent.instrumentation.api.ClassFileFilter;
import dev.metricsagent.instrumentation.api.ClassLoaders;
import dev.metricsagent.instrumentation.api.TypeInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Apache HttpClient 5.x classic: {@code ConnectExec.execute}, the element of the execution chain
 * that connects (or reuses a connection) and passes one request on to be exchanged. Redirects,
 * retries and authentication challenges are handled above it and call it again, so each is an
 * observation of its own.
 */
final class ApacheHttpClient5Instrumentation implements TypeInstrumentation {

  private static final String CONNECT_EXEC = "org.apache.hc.client5.http.impl.classic.ConnectExec";

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaders.canSee(CONNECT_EXEC);
  }

  @Override
  public ClassFileFilter classFileFilter() {
    return ClassFileFilter.named(CONNECT_EXEC);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(CONNECT_EXEC);
  }

  @Override
  public AgentBuilder.Transformer transformer(AdviceFactory advice) {
    return advice
        .forAdvice()
        .advice(
            named("execute").and(takesArguments(3)),
            "dev.metricsagent.instrumentation.httpclient.ApacheHttpClient5ConnectExecAdvice");
  }
}
