package dev.metricsagent.instrumentation.servlet;

import static dev.metricsagent.instrumentation.api.Matchers.declaresMethod;
import static dev.metricsagent.instrumentation.api.Matchers.hasSuperType;
import static dev.metricsagent.instrumentation.api.Matchers.isAbstract;
import static dev.metricsagent.instrumentation.api.Matchers.isInterface;
import static dev.metricsagent.instrumentation.api.Matchers.isStatic;
import static dev.metricsagent.instrumentation.api.Matchers.named;
import static dev.metricsagent.instrumentation.api.Matchers.not;
import static dev.metricsagent.instrumentation.api.Matchers.takesArgument;
import static dev.metricsagent.instrumentation.api.Matchers.takesArguments;

import dev.metricsagent.instrumentation.api.AdviceFactory;
import dev.metricsagent.instrumentation.api.AdviceTransformer;
import dev.metricsagent.instrumentation.api.ClassFileFilter;
import dev.metricsagent.instrumentation.api.ClassInfo;
import dev.metricsagent.instrumentation.api.ClassLoaders;
import dev.metricsagent.instrumentation.api.Matcher;
import dev.metricsagent.instrumentation.api.MethodInfo;
import dev.metricsagent.instrumentation.api.TypeInstrumentation;

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
  public Matcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaders.canSee(api + ".Servlet");
  }

  /**
   * Servlets and filters are application classes with any name, so there is no name to test.
   * A class that declares service(ServletRequest, ServletResponse) or doFilter(ServletRequest,
   * ServletResponse, FilterChain) has that descriptor, which starts the same for both, in its
   * constant pool; so does every container class that merely calls one (a valve, a filter
   * chain, a dispatcher), which the method table then sets apart. Subclasses that only inherit
   * service or doFilter are left alone: the advice is in the class that declares the method.
   */
  @Override
  public ClassFileFilter classFileFilter() {
    String type = "L" + api.replace('.', '/');
    String requestAndResponse = type + "/ServletRequest;" + type + "/ServletResponse;";
    return ClassFileFilter.mentions("(" + requestAndResponse)
        .andDeclaresConcrete(
            "service(" + requestAndResponse + ")",
            "doFilter(" + requestAndResponse + type + "/FilterChain;)");
  }

  @Override
  public Matcher<ClassInfo> typeMatcher() {
    return not(isInterface())
        .and(declaresMethod(service().or(doFilter())))
        .and(hasSuperType(named(api + ".Servlet").or(named(api + ".Filter"))));
  }

  @Override
  public AdviceTransformer transformer(AdviceFactory advice) {
    return advice.forAdvice().advice(service(), adviceClass).advice(doFilter(), adviceClass);
  }

  private Matcher<MethodInfo> service() {
    return named("service")
        .and(takesArguments(2))
        .and(takesArgument(0, api + ".ServletRequest"))
        .and(takesArgument(1, api + ".ServletResponse"))
        .and(not(isAbstract()))
        .and(not(isStatic()));
  }

  private Matcher<MethodInfo> doFilter() {
    return named("doFilter")
        .and(takesArguments(3))
        .and(takesArgument(0, api + ".ServletRequest"))
        .and(takesArgument(1, api + ".ServletResponse"))
        .and(takesArgument(2, api + ".FilterChain"))
        .and(not(isAbstract()))
        .and(not(isStatic()));
  }
}
