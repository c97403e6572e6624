package dev.metricsagent.instrumentation.httpclient;

import dev.metricsagent.bootstrap.httpclient.HttpClientSink;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Reads a {@code java.net.http} request and response for the recorder. It runs in the agent's
 * class loader, which sees java.net.http; the bridge in the bootstrap loader cannot.
 */
final class JavaHttpClientExchanges {

  private JavaHttpClientExchanges() {}

  static void record(
      HttpClientSink recorder, long durationNanos, Object request, Object response, Throwable failure) {
    if (!(request instanceof HttpRequest)) {
      return;
    }
    HttpRequest sent = (HttpRequest) request;
    if (!(response instanceof HttpResponse)) {
      URI uri = sent.uri();
      recorder.exchange(
          sent.method(), uri.getScheme(), uri.getHost(), port(uri), uri.getRawPath(), 0, failure,
          durationNanos);
      return;
    }
    HttpResponse<?> received = (HttpResponse<?>) response;
    URI uri = received.uri(); // after redirects: where the final exchange went
    String host = uri.getHost();
    int port = port(uri);
    recorder.exchange(
        sent.method(), uri.getScheme(), host, port, uri.getRawPath(), received.statusCode(), null,
        durationNanos);
    String[] headers = recorder.rateLimitHeaders(host, port);
    if (headers != null) {
      HttpHeaders values = received.headers();
      recorder.rateLimit(
          host,
          port,
          values.firstValue(headers[0]).orElse(null),
          headers[1] == null ? null : values.firstValue(headers[1]).orElse(null));
    }
  }

  private static int port(URI uri) {
    int port = uri.getPort();
    if (port >= 0) {
      return port;
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
