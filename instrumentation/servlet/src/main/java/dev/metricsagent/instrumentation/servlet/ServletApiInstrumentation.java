package dev.metricsagent.instrumentation.servlet;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.metricsagent.instrumentation.api.AdviceFactory;
import dev.metricsagent.instrumentation.api.ClassFileFilter;
import dev.metricsagent.instrumentation.api.ClassLoaders;
import dev.metricsagent.instrumentation.api.TypeInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
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
  public ElementMatcher<TypeDescription> typeMatcher() {
    return not(isInterface())
        .and(declaresMethod(service().or(doFilter())))
        .and(hasSuperType(named(api + ".Servlet").or(named(api + ".Filter"))));
  }

  @Override
  public AgentBuilder.Transformer transformer(AdviceFactory advice) {
    return advice.forAdvice().advice(service(), adviceClass).advice(doFilter(), adviceClass);
  }

  private ElementMatcher.Junction<MethodDescription> service() {
    return named("service")
        .and(takesArguments(2))
        .and(takesArgument(0, named(api + ".ServletRequest")))
        .and(takesArgument(1, named(api + ".ServletResponse")))
        .and(not(isAbstract()))
        .and(not(isStatic()));
  }

  private ElementMatcher.Junction<MethodDescription> doFilter() {
    return named("doFilter")
        .and(takesArguments(3))
        .and(takesArgument(0, named(api + ".ServletRequest")))
        .and(takesArgument(1, named(api + ".ServletResponse")))
        .and(takesArgument(2, named(api + ".FilterChain")))
        .and(not(isAbstract()))
        .and(not(isStatic()));
  }
}
