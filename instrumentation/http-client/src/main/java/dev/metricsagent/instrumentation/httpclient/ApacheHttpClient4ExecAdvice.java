package dev.metricsagent.instrumentation.httpclient;

import dev.metricsagent.bootstrap.httpclient.HttpClientBridge;
import java.net.URI;
import net.bytebuddy.asm.Advice;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpRequestWrapper;
import org.apache.http.conn.routing.HttpRoute;

/** Inlined into {@code org.apache.http.impl.execchain.MainClientExec.execute}. */
public final class ApacheHttpClient4ExecAdvice {

  private ApacheHttpClient4ExecAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static long enter() {
    return HttpClientBridge.enter();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(
      @Advice.Enter long start,
      @Advice.Argument(0) HttpRoute route,
      @Advice.Argument(1) HttpRequestWrapper request,
      @Advice.Return CloseableHttpResponse response,
      @Advice.Thrown Throwable error) {
    if (start == 0L) {
      return;
    }
    HttpHost target = route.getTargetHost();
    String scheme = target.getSchemeName();
    String host = target.getHostName();
    int port = target.getPort();
    if (port < 0) {
      port = "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
    URI uri = request.getURI();
    int status = response != null ? response.getStatusLine().getStatusCode() : 0;
    HttpClientBridge.exit(
        start,
        request.getRequestLine().getMethod(),
        scheme,
        host,
        port,
        uri == null ? null : uri.getRawPath(),
        status,
        error);
    if (response != null) {
      String[] headers = HttpClientBridge.rateLimitHeaders(host, port);
      if (headers != null) {
        Header remaining = response.getFirstHeader(headers[0]);
        Header limit = headers[1] == null ? null : response.getFirstHeader(headers[1]);
        HttpClientBridge.rateLimit(
            host,
            port,
            remaining == null ? null : remaining.getValue(),
            limit == null ? null : limit.getValue());
      }
    }
  }
}
