package dev.metricsagent.instrumentation.httpclient;

import dev.metricsagent.bootstrap.httpclient.HttpClientBridge;
import net.bytebuddy.asm.Advice;
import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;

/**
 * Inlined into {@code org.apache.hc.client5.http.impl.async.AsyncConnectExec.execute(HttpRequest,
 * AsyncEntityProducer, Scope, AsyncExecChain, AsyncExecCallback)}: the callback argument becomes
 * the bridge's recording proxy around it.
 */
public final class ApacheHttpAsyncClient5ConnectExecAdvice {

  private ApacheHttpAsyncClient5ConnectExecAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Object enter(
      @Advice.Argument(0) HttpRequest request,
      @Advice.Argument(2) AsyncExecChain.Scope scope,
      @Advice.Argument(value = 4, readOnly = false) AsyncExecCallback callback) {
    long start = HttpClientBridge.asyncStart();
    if (start == 0L || callback == null) {
      return null;
    }
    HttpHost target = scope.route.getTargetHost();
    String scheme = target.getSchemeName();
    int port = target.getPort();
    if (port < 0) {
      port = "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
    Object exchange =
        HttpClientBridge.apacheAsyncExchange(
            start,
            AsyncExecCallback.class,
            callback,
            scope.cancellableDependency,
            request.getMethod(),
            scheme,
            target.getHostName(),
            port,
            request.getPath());
    if (exchange != null) {
      callback = (AsyncExecCallback) exchange;
    }
    return exchange;
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(@Advice.Enter Object exchange, @Advice.Thrown Throwable error) {
    if (exchange != null && error != null) {
      HttpClientBridge.apacheAsyncExchangeFailed(exchange, error);
    }
  }
}
