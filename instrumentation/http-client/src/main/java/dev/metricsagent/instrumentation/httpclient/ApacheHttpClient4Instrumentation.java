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
 * Apache HttpClient 4.x: {@code MainClientExec.execute}, the element of the execution chain
 * that connects and exchanges one request. Retries and redirects sit above it and call it again
 * for each attempt, so each attempt is one observation (an authentication challenge answered
 * inside it is not a separate one).
 */
final class ApacheHttpClient4Instrumentation implements TypeInstrumentation {

  private static final String MAIN_CLIENT_EXEC = "org.apache.http.impl.execchain.MainClientExec";

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaders.canSee(MAIN_CLIENT_EXEC);
  }

  @Override
  public ClassFileFilter classFileFilter() {
    return ClassFileFilter.named(MAIN_CLIENT_EXEC);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(MAIN_CLIENT_EXEC);
  }

  @Override
  public AgentBuilder.Transformer transformer(AdviceFactory advice) {
    return advice
        .forAdvice()
        .advice(
            named("execute").and(takesArguments(4)),
            "dev.metricsagent.instrumentation.httpclient.ApacheHttpClient4ExecAdvice");
  }
}
