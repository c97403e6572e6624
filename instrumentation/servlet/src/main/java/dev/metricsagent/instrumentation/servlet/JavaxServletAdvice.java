package dev.metricsagent.instrumentation.servlet;

import dev.metricsagent.bootstrap.servlet.ServletBridge;
import javax.servlet.AsyncListener;
import javax.servlet.DispatcherType;
import javax.servlet.ServletRequest;
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

  /** Returns the start time when this is the request's outermost entry, else 0. */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static long enter(
      @Advice.Argument(0) ServletRequest request, @Advice.Argument(1) ServletResponse response) {
    if (!(request instanceof HttpServletRequest) || !(response instanceof HttpServletResponse)) {
      return 0L;
    }
    Object mark = request.getAttribute(ServletBridge.REQUEST_MARK);
    if (mark != null) {
      // Nested. A forward's target may overwrite Spring's pattern: keep the original's.
      if (mark == Boolean.TRUE && request.getDispatcherType() == DispatcherType.FORWARD) {
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
    request.setAttribute(ServletBridge.REQUEST_MARK, Boolean.TRUE);
    return ServletBridge.started(((HttpServletRequest) request).getMethod(), request.getScheme());
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(
      @Advice.Enter long startNanos,
      @Advice.Argument(0) ServletRequest request,
      @Advice.Argument(1) ServletResponse response,
      @Advice.Thrown Throwable thrown) {
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
    ServletBridge.finished(
        startNanos,
        http.getMethod(),
        request.getScheme(),
        contextPath,
        http.getServletPath(),
        matchName,
        pattern,
        frameworkPattern,
        http.getRequestURI(),
        // The container turns what escapes the outermost servlet into a 500.
        thrown != null ? 500 : ((HttpServletResponse) response).getStatus(),
        thrown);
  }
}
