package dev.metricsagent.bootstrap.httpclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The proxy that stands in for Apache HttpClient 5's AsyncExecCallback, against stand-ins of the
 * library's shapes (AsyncExecCallback, HttpResponse, Header), since the bootstrap cannot see them.
 */
class ApacheAsyncExchangeTest {

  public interface Header {
    String getValue();
  }

  public interface Response {
    int getCode();

    Header getFirstHeader(String name);
  }

  public interface ExecCallback {
    Object handleResponse(Response response, Object entityDetails) throws IOException;

    void handleInformationResponse(Response response);

    void completed();

    void failed(Exception cause);
  }

  /** What the chain's own callback was called with, in order. */
  private final List<String> calls = new ArrayList<>();

  private final Object bodyConsumer = new Object();

  private final ExecCallback chainCallback =
      new ExecCallback() {
        @Override
        public Object handleResponse(Response response, Object entityDetails) throws IOException {
          calls.add("handleResponse " + response.getCode());
          if (response.getCode() == 599) {
            throw new IOException("the chain rejects this response");
          }
          return bodyConsumer;
        }

        @Override
        public void handleInformationResponse(Response response) {
          calls.add("handleInformationResponse " + response.getCode());
        }

        @Override
        public void completed() {
          calls.add("completed");
        }

        @Override
        public void failed(Exception cause) {
          calls.add("failed " + cause.getClass().getSimpleName());
        }
      };

  private final List<String> recorded = new ArrayList<>();
  private final List<String> rateLimits = new ArrayList<>();

  ApacheAsyncExchangeTest() {
    HttpClientBridge.connect(
        new HttpClientSink() {
          @Override
          public void exchange(String method, String scheme, String host, int port, String path,
              int status, Throwable error, long durationNanos) {
            assertTrue(durationNanos >= 0);
            recorded.add(method + " " + scheme + "://" + host + ":" + port + path + " " + status
                + (error == null ? "" : " " + error.getClass().getSimpleName()));
          }

          @Override
          public void javaHttpClientExchange(long durationNanos, Object request, Object response,
              Throwable failure) {}

          @Override
          public boolean wantsPath() {
            return true;
          }

          @Override
          public String[] rateLimitHeaders(String host, int port) {
            return host.equals("api.github.com") ? new String[] {"X-RateLimit-Remaining", null} : null;
          }

          @Override
          public void rateLimit(String host, int port, String remaining, String limit) {
            rateLimits.add(host + " " + remaining + " " + limit);
          }
        });
  }

  @AfterEach
  void disconnect() {
    HttpClientBridge.connect(null);
  }

  private ExecCallback proxy(Object cancellation) {
    return proxy("example.org", cancellation);
  }

  private ExecCallback proxy(String host, Object cancellation) {
    long start = HttpClientBridge.asyncStart();
    return (ExecCallback)
        HttpClientBridge.apacheAsyncExchange(
            start, ExecCallback.class, chainCallback, cancellation, "GET", "http", host, 80, "/a");
  }

  private static Response response(int code) {
    return new Response() {
      @Override
      public int getCode() {
        return code;
      }

      @Override
      public Header getFirstHeader(String name) {
        return name.equals("X-RateLimit-Remaining") ? () -> "4999" : null;
      }
    };
  }

  @Test
  void passesEveryCallOnAndRecordsTheExchangeOnceWhenTheResponseHeadArrives() throws IOException {
    ExecCallback callback = proxy(null);

    callback.handleInformationResponse(response(100));
    assertEquals(List.of(), recorded, "an informational response ends nothing");
    assertSame(bodyConsumer, callback.handleResponse(response(404), null));
    callback.completed();

    assertEquals(List.of("handleInformationResponse 100", "handleResponse 404", "completed"), calls);
    assertEquals(List.of("GET http://example.org:80/a 404"), recorded);
  }

  @Test
  void aFailureWhileTheBodyStreamsIsNotASecondObservation() throws IOException {
    ExecCallback callback = proxy(null);

    callback.handleResponse(response(200), null);
    callback.failed(new IOException("connection reset while reading the body"));

    assertEquals(List.of("handleResponse 200", "failed IOException"), calls);
    assertEquals(List.of("GET http://example.org:80/a 200"), recorded);
  }

  @Test
  void aFailureBeforeAnyResponseIsRecordedWithWhatTheApplicationWillSee() {
    proxy(null).failed(new ConnectException("refused"));

    assertEquals(List.of("failed ConnectException"), calls);
    assertEquals(List.of("GET http://example.org:80/a 0 ConnectException"), recorded);
  }

  @Test
  void aFailureAfterTheApplicationCancelledItsFutureIsACancellation() {
    CompletableFuture<Object> applicationFuture = new CompletableFuture<>();
    ExecCallback callback = proxy(applicationFuture);

    applicationFuture.cancel(true);
    callback.failed(new java.io.InterruptedIOException()); // how the client aborts the exchange

    assertEquals(List.of("failed InterruptedIOException"), calls, "the chain sees what it would");
    assertEquals(List.of("GET http://example.org:80/a 0 CancellationException"), recorded);
  }

  @Test
  void whatTheChainsCallbackThrowsReachesTheCallerUnchanged() {
    ExecCallback callback = proxy(null);

    IOException thrown = assertThrows(IOException.class, () -> callback.handleResponse(response(599), null));

    assertEquals("the chain rejects this response", thrown.getMessage());
    assertEquals(List.of("GET http://example.org:80/a 599"), recorded);
  }

  @Test
  void whenTheConnectStepThrowsTheExchangeIsRecordedOnceThoughTheCallbackMayFailToo() {
    ExecCallback callback = proxy(null);

    HttpClientBridge.apacheAsyncExchangeFailed(callback, new IllegalStateException("shut down"));
    callback.failed(new IllegalStateException("shut down"));

    assertEquals(List.of("GET http://example.org:80/a 0 IllegalStateException"), recorded);
  }

  @Test
  void readsTheRateLimitHeaderOfARateLimitedPeer() throws IOException {
    proxy("api.github.com", null).handleResponse(response(200), null);

    assertEquals(List.of("api.github.com 4999 null"), rateLimits);
  }

  @Test
  void standsInTransparentlyForObjectMethods() {
    ExecCallback callback = proxy(null);

    assertEquals(chainCallback.toString(), callback.toString());
    assertEquals(callback, callback);
    assertEquals(System.identityHashCode(callback), callback.hashCode());
  }

  @Test
  void nothingIsRecordedWhileTheFamilyIsOff() {
    HttpClientBridge.connect(null);

    assertEquals(0L, HttpClientBridge.asyncStart());
  }
}
