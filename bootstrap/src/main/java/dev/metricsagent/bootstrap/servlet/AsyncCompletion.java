package dev.metricsagent.bootstrap.servlet;

import dev.metricsagent.bootstrap.AdviceErrors;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;

/**
 * Behind a {@code java.lang.reflect.Proxy} that implements the application's (javax or jakarta)
 * AsyncListener: records a request whose outermost servlet returned with an async cycle
 * started, once that cycle completes, with its real duration and final status.
 *
 * <p>A proxy, because this class lives in the bootstrap class loader, which cannot see servlet
 * types; the few servlet calls it needs (getStatus, getThrowable, addListener) are therefore
 * reflective, and made only on async events, never per synchronous request.
 */
final class AsyncCompletion implements InvocationHandler {

  private final Object response;
  private final Class<?> responseType;
  private final long startNanos;
  private final String method;
  private final String scheme;
  private final String contextPath;
  private final String servletPath;
  private final String mappingMatch;
  private final String mappingPattern;
  private final Object frameworkPattern;
  private final String requestUri;

  /** From onError, reported when the cycle completes (the container sets the 500 after it). */
  private volatile Throwable error;

  private boolean recorded;

  AsyncCompletion(
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
    this.response = response;
    this.responseType = responseType;
    this.startNanos = startNanos;
    this.method = method;
    this.scheme = scheme;
    this.contextPath = contextPath;
    this.servletPath = servletPath;
    this.mappingMatch = mappingMatch;
    this.mappingPattern = mappingPattern;
    this.frameworkPattern = frameworkPattern;
    this.requestUri = requestUri == null ? "" : requestUri; // null would mean "not read yet"
  }

  @Override
  public Object invoke(Object proxy, Method called, Object[] args) {
    switch (called.getName()) {
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      case "toString":
        return "metrics-agent async completion listener";
      default:
        break;
    }
    try {
      switch (called.getName()) {
        case "onComplete":
          complete();
          break;
        case "onError":
          error = (Throwable) event(called, "getThrowable").invoke(args[0]);
          break;
        case "onStartAsync":
          listenToNextCycle(proxy, called, args[0]);
          break;
        default: // onTimeout: the container errors or completes the request next
          break;
      }
    } catch (Throwable t) {
      AdviceErrors.record(t); // never into the container's listener loop
    }
    return null;
  }

  private void complete() throws ReflectiveOperationException {
    synchronized (this) {
      if (recorded) {
        return;
      }
      recorded = true;
    }
    int status = (Integer) responseType.getMethod("getStatus").invoke(response);
    ServletBridge.finished(
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
        error);
  }

  /**
   * A listener hears nothing of a new async cycle (startAsync again during an async dispatch)
   * unless it adds itself to the new AsyncContext: without this, such a request would never
   * be recorded.
   */
  private static void listenToNextCycle(Object proxy, Method called, Object event)
      throws ReflectiveOperationException {
    Method getAsyncContext = event(called, "getAsyncContext");
    Object asyncContext = getAsyncContext.invoke(event);
    getAsyncContext
        .getReturnType()
        .getMethod("addListener", called.getDeclaringClass())
        .invoke(asyncContext, proxy);
  }

  /** A method of the API's public AsyncEvent class (the listener method's parameter type). */
  private static Method event(Method listenerMethod, String name) throws NoSuchMethodException {
    return listenerMethod.getParameterTypes()[0].getMethod(name);
  }
}
