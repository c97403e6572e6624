package dev.metricsagent.bootstrap.servlet;

/**
 * What the servlet advice reports to, implemented by the agent's servlet recorder. JDK types
 * only: the bootstrap class loader that holds this interface cannot see servlet types.
 */
public interface ServletSink {

  /** An outermost request began: {@code http_server_active_requests} goes up. */
  void started(String method, String scheme);

  /**
   * An outermost request ended (or its async cycle completed). The route is resolved from the
   * raw parts here, not in the advice, so that advice stays small and the logic testable.
   *
   * @param mappingMatch the servlet mapping's kind (EXACT, PATH, EXTENSION, DEFAULT,
   *     CONTEXT_ROOT), or null when the container does not say (Servlet 3)
   * @param mappingPattern the servlet mapping's pattern ({@code /owners/*}), or null
   * @param frameworkPattern the framework's matched pattern (Spring MVC's
   *     bestMatchingPattern attribute), or null
   * @param requestUri the request's URI, or null when not read yet: a container may decode it at
   *     each call (Tomcat does), and only a route that neither the framework nor the mapping
   *     names is made from it
   * @param thrown what the outermost servlet or filter threw, or the async error; null if none
   * @return false when the route needs the URI that was not given; nothing is recorded then, and
   *     the advice calls again with it
   */
  boolean finished(
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
      Throwable thrown);
}
