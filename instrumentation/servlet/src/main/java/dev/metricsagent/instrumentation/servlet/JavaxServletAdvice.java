package dev.metricsagent.instrumentation.servlet;

import dev.metricsagent.bootstrap.servlet.RequestsInFlight;
import dev.metricsagent.bootstrap.servlet.ServletBridge;
import javax.servlet.AsyncListener;
import javax.servlet.DispatcherType;
import javax.servlet.ServletRequest;
import javax.servlet.ServletRequestWrapper;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletMapping;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.MappingMatch;
import java.lang.reflect.Proxy;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into javax.servlet {@code Servlet.service} and {@code Filter.doFilter}. Keep in step
 * with {@link JakartaServletAdvice}: the same logic, the other package, plus a guard for
 * Servlet 3.x containers, which lack {@code getHttpServletMapping}.
 */
public final class JavaxServletAdvice {

  private JavaxServletAdvice() {}

  /**
   * Returns the start time when this is the request's outermost entry, else 0. An entry is
   * nested when the container's request is in flight (filters, forwards, includes, a chain handed
   * to another thread) or carries the mark (async and error dispatches, after the outermost entry
   * returned).
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static long enter(
      @Advice.Argument(0) ServletRequest request,
      @Advice.Argument(1) ServletResponse response,
      @Advice.Local("inFlight") Object inFlight) {
    if (!(request instanceof HttpServletRequest) || !(response instanceof HttpServletResponse)) {
      return 0L;
    }
    ServletRequest unwrapped = request;
    // Bounded: a wrapper whose getRequest returns itself must not hang the request.
    for (int depth = 0; depth < 64 && unwrapped instanceof ServletRequestWrapper; depth++) {
      unwrapped = ((ServletRequestWrapper) unwrapped).getRequest();
    }
    if (RequestsInFlight.contains(unwrapped)
        || request.getAttribute(ServletBridge.REQUEST_MARK) != null) {
      // A forward's target may overwrite Spring's pattern: keep the original's.
      if (request.getDispatcherType() == DispatcherType.FORWARD
          && !(request.getAttribute(ServletBridge.REQUEST_MARK) instanceof String)) {
        Object pattern = request.getAttribute(ServletBridge.SPRING_PATTERN);
        if (pattern != null) {
          request.setAttribute(ServletBridge.REQUEST_MARK, pattern);
        }
      }
      return 0L;
    }
    if (!ServletBridge.active()) {
      return 0L;
    }
    if (RequestsInFlight.add(unwrapped)) {
      inFlight = unwrapped; // removed on exit, even when what follows throws
    } else {
      request.setAttribute(ServletBridge.REQUEST_MARK, Boolean.TRUE);
    }
    return ServletBridge.started(((HttpServletRequest) request).getMethod(), request.getScheme());
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(
      @Advice.Enter long startNanos,
      @Advice.Argument(0) ServletRequest request,
      @Advice.Argument(1) ServletResponse response,
      @Advice.Local("inFlight") Object inFlight,
      @Advice.Thrown Throwable thrown) {
    try {
      // What follows this exit (an async or error dispatch) must find the request marked.
      if (startNanos != 0L
          && (thrown != null
              || request.isAsyncStarted()
              || ((HttpServletResponse) response).getStatus() >= 400)
          && request.getAttribute(ServletBridge.REQUEST_MARK) == null) {
        request.setAttribute(ServletBridge.REQUEST_MARK, Boolean.TRUE);
      }
    } finally {
      RequestsInFlight.remove(inFlight);
    }
    if (startNanos == 0L) {
      return;
    }
    HttpServletRequest http = (HttpServletRequest) request;
    String matchName = null;
    String pattern = null;
    if (!ServletBridge.javaxMappingMissing()) {
      try {
        HttpServletMapping mapping = http.getHttpServletMapping();
        MappingMatch match = mapping == null ? null : mapping.getMappingMatch();
        matchName = match == null ? null : match.name();
        pattern = mapping == null ? null : mapping.getPattern();
      } catch (LinkageError servlet3) {
        ServletBridge.markJavaxMappingMissing(); // thrown on every call: ask no more
      }
    }
    if (matchName == null && http.getPathInfo() != null) {
      matchName = "PATH"; // Servlet 3: path info means a path mapping, prefixed by the servlet path
    }
    // The webapp's, a field: the request's own getContextPath re-derives it from the URI.
    String contextPath = request.getServletContext().getContextPath();
    Object mark = request.getAttribute(ServletBridge.REQUEST_MARK);
    Object frameworkPattern =
        mark instanceof String ? mark : request.getAttribute(ServletBridge.SPRING_PATTERN);
    if (thrown == null && request.isAsyncStarted()) {
      // Recorded by the listener when the async cycle completes, with its final status.
      request
          .getAsyncContext()
          .addListener(
              (AsyncListener)
                  Proxy.newProxyInstance(
                      AsyncListener.class.getClassLoader(),
                      new Class<?>[] {AsyncListener.class},
                      ServletBridge.asyncCompletion(
                          response,
                          HttpServletResponse.class,
                          startNanos,
                          http.getMethod(),
                          request.getScheme(),
                          contextPath,
                          http.getServletPath(),
                          matchName,
                          pattern,
                          frameworkPattern,
                          http.getRequestURI())),
              request,
              response);
      return;
    }
    String method = http.getMethod();
    String scheme = request.getScheme();
    String servletPath = http.getServletPath();
    // The container turns what escapes the outermost servlet into a 500.
    int status = thrown != null ? 500 : ((HttpServletResponse) response).getStatus();
    // The URI only when the route is made from it: Tomcat decodes it anew at each call.
    if (!ServletBridge.finished(
        startNanos, method, scheme, contextPath, servletPath, matchName, pattern, frameworkPattern, null,
        status, thrown)) {
      String uri = http.getRequestURI();
      ServletBridge.finished(
          startNanos, method, scheme, contextPath, servletPath, matchName, pattern, frameworkPattern,
          uri == null ? "" : uri, status, thrown);
    }
  }
}
