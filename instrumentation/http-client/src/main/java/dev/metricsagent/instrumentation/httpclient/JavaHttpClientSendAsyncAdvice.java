package dev.metricsagent.instrumentation.httpclient;

import dev.metricsagent.bootstrap.httpclient.HttpClientBridge;
import dev.metricsagent.bootstrap.httpclient.JavaHttpClientCompletion;
import java.net.http.HttpRequest;
import java.util.concurrent.CompletableFuture;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into the private {@code jdk.internal.net.http.HttpClientImpl.sendAsync(HttpRequest,
 * BodyHandler, PushPromiseHandler, Executor)}. The returned future is observed, never replaced:
 * the application's cancellation of it must keep reaching the exchange.
 */
public final class JavaHttpClientSendAsyncAdvice {

  private JavaHttpClientSendAsyncAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static long enter() {
    return HttpClientBridge.enter();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(
      @Advice.Enter long start,
      @Advice.Argument(0) HttpRequest request,
      @Advice.Return CompletableFuture<?> response,
      @Advice.Thrown Throwable error) {
    if (start == 0L) {
      return;
    }
    HttpClientBridge.leave(start);
    if (response != null) {
      response.whenComplete(new JavaHttpClientCompletion(start, request));
    } else if (error != null) {
      HttpClientBridge.javaHttpClientExchange(start, request, null, error);
    }
  }
}
