package dev.metricsagent.instrumentation.httpclient;

import dev.metricsagent.bootstrap.httpclient.HttpClientBridge;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code jdk.internal.net.http.HttpClientImpl.send(HttpRequest, BodyHandler)}. */
public final class JavaHttpClientSendAdvice {

  private JavaHttpClientSendAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static long enter() {
    return HttpClientBridge.enter();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(
      @Advice.Enter long start,
      @Advice.Argument(0) HttpRequest request,
      @Advice.Return HttpResponse<?> response,
      @Advice.Thrown Throwable error) {
    if (start == 0L) {
      return;
    }
    HttpClientBridge.leave(start);
    if (!(error instanceof InterruptedException)) {
      HttpClientBridge.javaHttpClientExchange(start, request, response, error);
    }
  }
}
