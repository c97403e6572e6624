package dev.metricsagent.bootstrap.httpclient;

import dev.metricsagent.bootstrap.AgentThreads;
import java.lang.reflect.Proxy;

/**
 * What the http_client advice calls. Until the family starts (or when it is off), every call
 * does nothing.
 *
 * <p>One observation per exchange on the wire: {@link #enter} marks the calling thread as being
 * inside a recorded exchange, so that a client layered on another (a client whose transport is
 * itself instrumented) is recorded once, by the outermost. The mark also holds the start of the
 * current hop, which {@link #endHop} moves forward when a client follows a redirect internally.
 */
public final class HttpClientBridge {

  private static volatile HttpClientSink sink;

  /** Per thread: the start of the hop being recorded, 0 when the thread is in no exchange. */
  private static final ThreadLocal<long[]> CURRENT_HOP =
      new ThreadLocal<long[]>() {
        @Override
        protected long[] initialValue() {
          return new long[1];
        }
      };

  private HttpClientBridge() {}

  public static void connect(HttpClientSink recorder) {
    sink = recorder;
  }

  /**
   * An exchange begins: returns its start time, or 0 when it is not recorded (no sink, an agent
   * thread, or nested in an exchange already recorded on this thread). A non-zero result must be
   * passed to {@link #exit} or {@link #leave}.
   */
  public static long enter() {
    if (sink == null || AgentThreads.isCurrent()) {
      return 0L;
    }
    long[] hop = CURRENT_HOP.get();
    if (hop[0] != 0L) {
      return 0L;
    }
    long start = System.nanoTime();
    if (start == 0L) {
      start = 1L; // 0 means "not recorded"
    }
    hop[0] = start;
    return start;
  }

  /** The exchange that {@link #enter} started on this thread ended; records its last hop. */
  public static void exit(
      long start,
      String method,
      String scheme,
      String host,
      int port,
      String path,
      int status,
      Throwable error) {
    if (start == 0L) {
      return;
    }
    long[] hop = CURRENT_HOP.get();
    long hopStart = hop[0] != 0L ? hop[0] : start;
    hop[0] = 0L;
    HttpClientSink recorder = sink;
    if (recorder != null) {
      recorder.exchange(
          method, scheme, host, port, path, status, error, System.nanoTime() - hopStart);
    }
  }

  /**
   * The thread leaves an exchange that goes on asynchronously without recording it: {@link
   * #javaHttpClientExchange} does when the response arrives.
   */
  public static void leave(long start) {
    if (start != 0L) {
      CURRENT_HOP.get()[0] = 0L;
    }
  }

  /**
   * One hop of an exchange that the client continues by itself (a followed redirect) ended with
   * this response: it is recorded, and the next hop starts now.
   */
  public static void endHop(
      String method, String scheme, String host, int port, String path, int status) {
    HttpClientSink recorder = sink;
    if (recorder == null) {
      return;
    }
    long[] hop = CURRENT_HOP.get();
    if (hop[0] == 0L) {
      return;
    }
    long now = System.nanoTime();
    recorder.exchange(method, scheme, host, port, path, status, null, now - hop[0]);
    hop[0] = now == 0L ? 1L : now;
  }

  /**
   * A {@code java.net.http} exchange that {@link #enter} started completed (typed {@code Object}:
   * see {@link JavaHttpClientCompletion}).
   */
  public static void javaHttpClientExchange(
      long start, Object request, Object response, Throwable failure) {
    HttpClientSink recorder = sink;
    if (start != 0L && recorder != null) {
      recorder.javaHttpClientExchange(System.nanoTime() - start, request, response, failure);
    }
  }

  /**
   * An asynchronous exchange begins on this thread: its start time, or 0 when it is not recorded
   * (no sink, an agent thread, or inside an exchange already recorded on this thread). Unlike
   * {@link #enter}, the thread is not marked: the exchange goes on elsewhere.
   */
  public static long asyncStart() {
    if (sink == null || AgentThreads.isCurrent() || CURRENT_HOP.get()[0] != 0L) {
      return 0L;
    }
    long start = System.nanoTime();
    return start == 0L ? 1L : start;
  }

  /**
   * Apache HttpClient 5 async: a proxy implementing {@code callbackType} (the library's {@code
   * AsyncExecCallback}) that passes every call on to {@code callback} and records the exchange
   * when its response head or failure arrives. See {@link ApacheAsyncExchange}.
   *
   * @param start from {@link #asyncStart}
   * @param cancellation the exchange's cancellable dependency (the application's future)
   */
  public static Object apacheAsyncExchange(
      long start,
      Class<?> callbackType,
      Object callback,
      Object cancellation,
      String method,
      String scheme,
      String host,
      int port,
      String path) {
    return Proxy.newProxyInstance(
        callbackType.getClassLoader(),
        new Class<?>[] {callbackType},
        new ApacheAsyncExchange(callback, cancellation, start, method, scheme, host, port, path));
  }

  /** The method that {@link #apacheAsyncExchange}'s proxy stands in for threw: the exchange failed. */
  public static void apacheAsyncExchangeFailed(Object exchange, Throwable error) {
    if (Proxy.isProxyClass(exchange.getClass())
        && Proxy.getInvocationHandler(exchange) instanceof ApacheAsyncExchange) {
      ((ApacheAsyncExchange) Proxy.getInvocationHandler(exchange)).failed(error);
    }
  }

  /** An asynchronous exchange that started at {@code start} ended (on any thread). */
  static void asyncExchangeEnded(
      long start,
      String method,
      String scheme,
      String host,
      int port,
      String path,
      int status,
      Throwable error) {
    HttpClientSink recorder = sink;
    if (recorder != null) {
      recorder.exchange(method, scheme, host, port, path, status, error, System.nanoTime() - start);
    }
  }

  public static boolean wantsPath() {
    HttpClientSink recorder = sink;
    return recorder != null && recorder.wantsPath();
  }

  /** See {@link HttpClientSink#rateLimitHeaders}; null when nothing is to be read. */
  public static String[] rateLimitHeaders(String host, int port) {
    HttpClientSink recorder = sink;
    return recorder == null ? null : recorder.rateLimitHeaders(host, port);
  }

  public static void rateLimit(String host, int port, String remaining, String limit) {
    HttpClientSink recorder = sink;
    if (recorder != null) {
      recorder.rateLimit(host, port, remaining, limit);
    }
  }
}
