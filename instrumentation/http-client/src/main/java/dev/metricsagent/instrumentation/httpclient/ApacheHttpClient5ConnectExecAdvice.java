package dev.metricsagent.instrumentation.httpclient;

import dev.metricsagent.bootstrap.httpclient.HttpClientBridge;
import net.bytebuddy.asm.Advice;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;

/** Inlined into {@code org.apache.hc.client5.http.impl.classic.ConnectExec.execute}. */
public final class ApacheHttpClient5ConnectExecAdvice {

  private ApacheHttpClient5ConnectExecAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static long enter() {
    return HttpClientBridge.enter();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(
      @Advice.Enter long start,
      @Advice.Argument(0) ClassicHttpRequest request,
      @Advice.Argument(1) ExecChain.Scope scope,
      @Advice.Return ClassicHttpResponse response,
      @Advice.Thrown Throwable error) {
    if (start == 0L) {
      return;
    }
    HttpHost target = scope.route.getTargetHost();
    String scheme = target.getSchemeName();
    String host = target.getHostName();
    int port = target.getPort();
    if (port < 0) {
      port = "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
    int status = response != null ? response.getCode() : 0;
    HttpClientBridge.exit(
        start, request.getMethod(), scheme, host, port, request.getPath(), status, error);
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
