package dev.metricsagent.instrumentation.httpclient;

import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

/**
 * The {@code error_type} label of a client exchange: the status code when the server answered
 * 4xx or 5xx (the OpenTelemetry rule for clients), {@code timeout} for any kind of timeout, the
 * exception's simple class name for other failures, and empty when the exchange succeeded.
 */
final class ErrorTypeLabel {

  static final String TIMEOUT = "timeout";

  /**
   * OkHttp's connect step throws this internal wrapper; its caller unwraps it, so the
   * application only ever sees the cause (a ConnectException, for instance).
   */
  private static final String OKHTTP_ROUTE_EXCEPTION = "okhttp3.internal.connection.RouteException";

  private ErrorTypeLabel() {}

  /** @param status the response status, 0 when none arrived */
  static String of(int status, Throwable error) {
    if (status > 0) {
      return status >= 400 ? StatusCodeLabel.of(status) : null;
    }
    if (error == null) {
      return null;
    }
    if (error.getCause() != null && error.getClass().getName().equals(OKHTTP_ROUTE_EXCEPTION)) {
      error = error.getCause(); // what OkHttp rethrows to the application
    }
    if (isTimeout(error)) {
      return TIMEOUT;
    }
    return error.getClass().getSimpleName();
  }

  /**
   * Timeouts have many classes: SocketTimeoutException (HttpURLConnection, Apache, OkHttp's
   * read timeout), HttpTimeoutException and HttpConnectTimeoutException (java.net.http),
   * Apache's ConnectTimeoutException (a subclass of the first or named so), OkHttp's
   * InterruptedIOException("timeout") for a call timeout.
   */
  private static boolean isTimeout(Throwable error) {
    if (error instanceof SocketTimeoutException
        || error instanceof HttpTimeoutException
        || error instanceof TimeoutException) {
      return true;
    }
    String name = error.getClass().getSimpleName();
    if (name.equals("ConnectTimeoutException")) {
      return true;
    }
    return name.equals("InterruptedIOException") && "timeout".equals(error.getMessage());
  }
}
