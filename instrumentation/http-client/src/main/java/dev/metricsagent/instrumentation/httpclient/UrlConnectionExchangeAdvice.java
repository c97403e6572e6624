package dev.metricsagent.instrumentation.httpclient;

import dev.metricsagent.bootstrap.httpclient.HttpClientBridge;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code sun.net.www.protocol.http.HttpURLConnection.getInputStream0}. Only the call
 * that sends the request is an exchange: once a response (or a failure) is held, later calls
 * return it again, and those are skipped. That keeps one observation per connection object
 * without keeping any map of connections.
 */
public final class UrlConnectionExchangeAdvice {

  private UrlConnectionExchangeAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static long enter(
      @Advice.FieldValue("inputStream") InputStream response,
      @Advice.FieldValue("rememberedException") Exception failure) {
    if (response != null || failure != null) {
      return 0L;
    }
    return HttpClientBridge.enter();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(
      @Advice.Enter long start,
      @Advice.This HttpURLConnection connection,
      @Advice.FieldValue("responseCode") int status,
      @Advice.Thrown Throwable error) {
    if (start == 0L) {
      return;
    }
    URL url = connection.getURL();
    String host = url.getHost();
    int port = url.getPort() >= 0 ? url.getPort() : url.getDefaultPort();
    HttpClientBridge.exit(
        start,
        connection.getRequestMethod(),
        url.getProtocol(),
        host,
        port,
        url.getPath(),
        status > 0 ? status : 0,
        error);
    if (status > 0) {
      String[] headers = HttpClientBridge.rateLimitHeaders(host, port);
      if (headers != null) {
        HttpClientBridge.rateLimit(
            host,
            port,
            connection.getHeaderField(headers[0]),
            headers[1] == null ? null : connection.getHeaderField(headers[1]));
      }
    }
  }
}
