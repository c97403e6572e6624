package dev.metricsagent.bootstrap.servlet;

import dev.metricsagent.bootstrap.AgentThreads;
import java.lang.reflect.InvocationHandler;

/**
 * The static entry points the servlet advice (javax and jakarta alike) inlines calls to. Until
 * the servlet module connects its recorder, every call does nothing.
 */
public final class ServletBridge {

  /**
   * The request attribute that marks a request as already recorded for what comes after its
   * outermost entry returned: async dispatches and error dispatches see it and record nothing
   * more. Written only when such a dispatch can follow (async started, an exception, a status of
   * 400 or more), or when {@link RequestsInFlight} had no slot for the request; while the
   * outermost entry runs, that table tells nested entries apart without writing anything. Its
   * value is {@code Boolean.TRUE}, or the original request's Spring pattern once a forward has
   * begun (the forward's target overwrites Spring's attribute).
   */
  public static final String REQUEST_MARK = "dev.metricsagent.servlet.recorded";

  /** The attribute Spring MVC stores the matched handler pattern in. */
  public static final String SPRING_PATTERN =
      "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern";

  private static volatile ServletSink sink;

  /**
   * Set once a Servlet 3 container (javax API without getHttpServletMapping) has been met, so
   * that the advice stops calling the missing method, which would throw on every request.
   */
  private static volatile boolean javaxMappingMissing;

  private ServletBridge() {}

  public static void connect(ServletSink recorder) {
    sink = recorder;
  }

  /**
   * Called on the outermost entry: whether this request should be recorded at all (a recorder
   * is connected and the thread is not one of the agent's own).
   */
  public static boolean active() {
    return sink != null && !AgentThreads.isCurrent();
  }

  /**
   * The request began: returns its start time, never 0, which the advice uses for "not the
   * outermost entry" (nanoTime's lowest bit is sacrificed for that).
   */
  public static long started(String method, String scheme) {
    ServletSink current = sink;
    if (current != null) {
      current.started(method, scheme);
    }
    return System.nanoTime() | 1L;
  }

  /** See {@link ServletSink#finished}; true when nothing is connected. */
  public static boolean finished(
      long startNanos,
      String method,
      String scheme,
      String contextPath,
      String servletPath,
      String mappingMatch,
      String mappingPattern,
      Object frameworkPattern,
      String requestUri,
      int status,
      Throwable thrown) {
    ServletSink current = sink;
    return current == null
        || current.finished(
            startNanos,
            method,
            scheme,
            contextPath,
            servletPath,
            mappingMatch,
            mappingPattern,
            frameworkPattern,
            requestUri,
            status,
            thrown);
  }

  /**
   * The handler of an AsyncListener proxy that records the request when its async cycle
   * completes. Everything but the final status and error is known now, at the outermost exit.
   *
   * @param response the response whose status is read on completion (request-scoped: the
   *     handler lives only as long as the request's AsyncContext)
   * @param responseType the API's HttpServletResponse interface, whose getStatus is called
   */
  public static InvocationHandler asyncCompletion(
      Object response,
      Class<?> responseType,
      long startNanos,
      String method,
      String scheme,
      String contextPath,
      String servletPath,
      String mappingMatch,
      String mappingPattern,
      Object frameworkPattern,
      String requestUri) {
    return new AsyncCompletion(
        response,
        responseType,
        startNanos,
        method,
        scheme,
        contextPath,
        servletPath,
        mappingMatch,
        mappingPattern,
        frameworkPattern,
        requestUri);
  }

  public static boolean javaxMappingMissing() {
    return javaxMappingMissing;
  }

  public static void markJavaxMappingMissing() {
    javaxMappingMissing = true;
  }
}
