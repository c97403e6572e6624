package dev.metricsagent.instrumentation.httpclient;

import dev.metricsagent.bootstrap.httpclient.HttpClientBridge;
import java.net.URL;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code sun.net.www.protocol.http.HttpURLConnection.followRedirect}: when it
 * decides to follow, the 3xx exchange is over (recorded, with the URL and method it was sent
 * with) and the request to the new location is the next exchange.
 */
public final class UrlConnectionRedirectAdvice {

  private UrlConnectionRedirectAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static URL enter(
      @Advice.FieldValue("url") URL url,
      @Advice.FieldValue("method") String method,
      @Advice.FieldValue("responseCode") int status,
      @Advice.Local("method") String hopMethod,
      @Advice.Local("status") int hopStatus) {
    hopMethod = method;
    hopStatus = status;
    return url;
  }

  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(
      @Advice.Enter URL url,
      @Advice.Return boolean followed,
      @Advice.Local("method") String hopMethod,
      @Advice.Local("status") int hopStatus) {
    if (followed && url != null) {
      HttpClientBridge.endHop(
          hopMethod,
          url.getProtocol(),
          url.getHost(),
          url.getPort() >= 0 ? url.getPort() : url.getDefaultPort(),
          url.getPath(),
          hopStatus);
    }
  }
}
