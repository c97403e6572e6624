package dev.metricsagent.instrumentation.servlet;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.metricsagent.instrumentation.api.AdviceFactory;
import dev.metricsagent.instrumentation.api.ClassLoaders;
import dev.metricsagent.instrumentation.api.TypeInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Servlets and filters of one servlet API package ({@code javax.servlet} or {@code
 * jakarta.servlet}): {@code service(ServletRequest, ServletResponse)} and {@code
 * doFilter(ServletRequest, ServletResponse, FilterChain)} get the same advice, which records
 * only the first of them a request enters.
 */
final class ServletApiInstrumentation implements TypeInstrumentation {

  private final String api;
  private final String adviceClass;

  ServletApiInstrumentation(String api, String adviceClass) {
    this.api = api;
    this.adviceClass = adviceClass;
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaders.canSee(api + ".Servlet");
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    // No name to match first: servlets and filters are application classes with any name.
    return not(isInterface())
        .and(hasSuperType(named(api + ".Servlet").or(named(api + ".Filter"))));
  }

  @Override
  public AgentBuilder.Transformer transformer(AdviceFactory advice) {
    String request = api + ".ServletRequest";
    String response = api + ".ServletResponse";
    return advice
        .forAdvice()
        .advice(
            named("service")
                .and(takesArguments(2))
                .and(takesArgument(0, named(request)))
                .and(takesArgument(1, named(response)))
                .and(not(isAbstract()))
                .and(not(isStatic())),
            adviceClass)
        .advice(
            named("doFilter")
                .and(takesArguments(3))
                .and(takesArgument(0, named(request)))
                .and(takesArgument(1, named(response)))
                .and(takesArgument(2, named(api + ".FilterChain")))
                .and(not(isAbstract()))
                .and(not(isStatic())),
            adviceClass);
  }
}
