package dev.metricsagent.instrumentation.httpclient;

import dev.metricsagent.bootstrap.httpclient.HttpClientBridge;
import java.net.HttpURLConnection;
import java.net.URL;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code sun.net.www.protocol.http.HttpURLConnection.connect}. An application (or
 * Spring's RestTemplate) may connect before asking for the response: when that connection
 * fails, no response is ever asked for, and this failure is the exchange's only record. A
 * successful connect records nothing; {@link UrlConnectionExchangeAdvice} records the exchange.
 * Inside {@code getInputStream0} (which connects too) the bridge's thread mark skips it.
 */
public final class UrlConnectionConnectAdvice {

  private UrlConnectionConnectAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static long enter() {
    return HttpClientBridge.enter();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(
      @Advice.Enter long start,
      @Advice.This HttpURLConnection connection,
      @Advice.Thrown Throwable error) {
    if (start == 0L) {
      return;
    }
    if (error == null) {
      HttpClientBridge.leave(start);
      return;
    }
    URL url = connection.getURL();
    HttpClientBridge.exit(
        start,
        connection.getRequestMethod(),
        url.getProtocol(),
        url.getHost(),
        url.getPort() >= 0 ? url.getPort() : url.getDefaultPort(),
        url.getPath(),
        0,
        error);
  }
}
