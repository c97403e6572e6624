package dev.metricsagent.bootstrap.httpclient;

import dev.metricsagent.bootstrap.AdviceErrors;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * Behind a {@code java.lang.reflect.Proxy} that stands in for the {@code AsyncExecCallback}
 * Apache HttpClient 5's async execution chain hands to {@code AsyncConnectExec}: every call is
 * passed on to that callback unchanged, and the exchange is recorded once, when its response
 * head arrives ({@code handleResponse}) or it fails ({@code failed}), whichever comes first.
 *
 * <p>A proxy, because this class lives in the bootstrap class loader, which cannot see Apache
 * types. The callback sits below the application's own callback and future (the client's
 * {@code ComplexFuture}), which are never touched: what they see, cancellation included, is
 * what they would see without the agent.
 */
final class ApacheAsyncExchange implements InvocationHandler {

  /** What a cancelled exchange is recorded with: the exception the application's future throws. */
  private static final CancellationException CANCELLED = new CancellationException();

  private static final AtomicIntegerFieldUpdater<ApacheAsyncExchange> RECORDED =
      AtomicIntegerFieldUpdater.newUpdater(ApacheAsyncExchange.class, "recorded");

  private final Object callback;
  private final Object cancellation;
  private final long start;
  private final String method;
  private final String scheme;
  private final String host;
  private final int port;
  private final String path;

  private volatile int recorded;

  /**
   * @param callback the chain's callback this one stands in for
   * @param cancellation the exchange's cancellable dependency (the application's future): a
   *     failure after it was cancelled is recorded as the CancellationException the
   *     application sees
   */
  ApacheAsyncExchange(
      Object callback,
      Object cancellation,
      long start,
      String method,
      String scheme,
      String host,
      int port,
      String path) {
    this.callback = callback;
    this.cancellation = cancellation;
    this.start = start;
    this.method = method;
    this.scheme = scheme;
    this.host = host;
    this.port = port;
    this.path = path;
  }

  @Override
  public Object invoke(Object proxy, Method called, Object[] args) throws Throwable {
    if (called.getDeclaringClass() == Object.class) {
      return objectMethod(proxy, called, args);
    }
    String name = called.getName();
    if (name.equals("handleResponse")) {
      responded(called.getDeclaringClass(), args[0]);
    } else if (name.equals("failed")) {
      failed((Throwable) args[0]);
    }
    try {
      return called.invoke(callback, args);
    } catch (InvocationTargetException e) {
      throw e.getCause(); // what the callback threw, as if it had been called directly
    }
  }

  /** The exchange failed before any response arrived (also when AsyncConnectExec threw). */
  void failed(Throwable error) {
    if (!RECORDED.compareAndSet(this, 0, 1)) {
      return;
    }
    try {
      boolean cancelled = cancellation instanceof Future && ((Future<?>) cancellation).isCancelled();
      HttpClientBridge.asyncExchangeEnded(
          start, method, scheme, host, port, path, 0, cancelled ? CANCELLED : error);
    } catch (Throwable t) {
      AdviceErrors.record(t); // never into the client's I/O threads
    }
  }

  private void responded(Class<?> callbackType, Object response) {
    if (!RECORDED.compareAndSet(this, 0, 1)) {
      return;
    }
    try {
      ApacheResponseReader reader = ApacheResponseReader.of(callbackType);
      HttpClientBridge.asyncExchangeEnded(
          start, method, scheme, host, port, path, reader.status(response), null);
      String[] headers = HttpClientBridge.rateLimitHeaders(host, port);
      if (headers != null) {
        HttpClientBridge.rateLimit(
            host,
            port,
            reader.header(response, headers[0]),
            headers[1] == null ? null : reader.header(response, headers[1]));
      }
    } catch (Throwable t) {
      AdviceErrors.record(t);
    }
  }

  private Object objectMethod(Object proxy, Method called, Object[] args) {
    switch (called.getName()) {
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      default:
        return callback.toString();
    }
  }
}
