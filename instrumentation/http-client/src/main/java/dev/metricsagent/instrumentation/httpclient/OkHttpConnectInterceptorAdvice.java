package dev.metricsagent.instrumentation.httpclient;

import dev.metricsagent.bootstrap.httpclient.HttpClientBridge;
import net.bytebuddy.asm.Advice;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Inlined into {@code okhttp3.internal.connection.ConnectInterceptor.intercept(Chain)}. */
public final class OkHttpConnectInterceptorAdvice {

  private OkHttpConnectInterceptorAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static long enter() {
    return HttpClientBridge.enter();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(
      @Advice.Enter long start,
      @Advice.Argument(0) Interceptor.Chain chain,
      @Advice.Return Response response,
      @Advice.Thrown Throwable error) {
    if (start == 0L) {
      return;
    }
    Request request = chain.request();
    HttpUrl url = request.url();
    String host = url.host();
    int port = url.port();
    int status = response != null ? response.code() : 0;
    HttpClientBridge.exit(
        start,
        request.method(),
        url.scheme(),
        host,
        port,
        // encodedPath() builds a string: only when a URL template may need it
        HttpClientBridge.wantsPath() ? url.encodedPath() : null,
        status,
        error);
    if (response != null) {
      String[] headers = HttpClientBridge.rateLimitHeaders(host, port);
      if (headers != null) {
        HttpClientBridge.rateLimit(
            host,
            port,
            response.header(headers[0]),
            headers[1] == null ? null : response.header(headers[1]));
      }
    }
  }
}
