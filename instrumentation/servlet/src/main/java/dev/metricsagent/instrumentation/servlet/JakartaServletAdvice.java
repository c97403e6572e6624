package dev.metricsagent.instrumentation.servlet;

import dev.metricsagent.bootstrap.servlet.ServletBridge;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import java.lang.reflect.Proxy;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into jakarta.servlet {@code Servlet.service} and {@code Filter.doFilter}. Keep in step
 * with {@link JavaxServletAdvice}: the same logic, the other package.
 */
public final class JakartaServletAdvice {

  private JakartaServletAdvice() {}

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
    HttpServletMapping mapping = http.getHttpServletMapping();
    MappingMatch match = mapping == null ? null : mapping.getMappingMatch();
    String matchName = match == null ? null : match.name();
    String pattern = mapping == null ? null : mapping.getPattern();
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
