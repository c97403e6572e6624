package dev.metricsagent.bootstrap.httpclient;

import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;

/**
 * Records a {@code java.net.http} exchange when its response future completes, with the time
 * since it was sent. One object per asynchronous request: the only allocation the family makes,
 * and only for {@code sendAsync}, which allocates far more itself.
 *
 * <p>Requests and responses travel as {@code Object}: java.net.http is defined by the platform
 * class loader, which classes of the bootstrap loader cannot link against. The recorder, in the
 * agent's loader (a child of the platform loader), reads them.
 */
public final class JavaHttpClientCompletion implements BiConsumer<Object, Throwable> {

  private final long start;
  private final Object request;

  public JavaHttpClientCompletion(long start, Object request) {
    this.start = start;
    this.request = request;
  }

  @Override
  public void accept(Object response, Throwable failure) {
    try {
      Throwable cause = failure;
      while (cause instanceof CompletionException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      HttpClientBridge.javaHttpClientExchange(start, request, response, cause);
    } catch (Throwable ignored) {
      // runs on the client's threads: nothing may escape into them
    }
  }
}
