package dev.metricsagent.instrumentation.httpclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class ErrorTypeLabelTest {

  @Test
  void aSuccessfulResponseHasNoErrorType() {
    assertNull(ErrorTypeLabel.of(200, null));
    assertNull(ErrorTypeLabel.of(302, null));
  }

  @Test
  void clientAndServerErrorsAreTheirStatusCode() {
    assertEquals("404", ErrorTypeLabel.of(404, null));
    assertEquals("503", ErrorTypeLabel.of(503, null));
  }

  @Test
  void theStatusWinsOverTheExceptionAClientThrowsForIt() {
    // HttpURLConnection throws FileNotFoundException for a 404
    assertEquals("404", ErrorTypeLabel.of(404, new java.io.FileNotFoundException("http://x/y")));
  }

  @Test
  void failuresWithoutResponseAreTheExceptionsSimpleName() {
    assertEquals("ConnectException", ErrorTypeLabel.of(0, new ConnectException("refused")));
    assertEquals("SSLHandshakeException", ErrorTypeLabel.of(0, new SSLHandshakeException("bad cert")));
  }

  @Test
  void everyKindOfTimeoutIsTimeout() {
    assertEquals("timeout", ErrorTypeLabel.of(0, new SocketTimeoutException("Read timed out")));
    assertEquals("timeout", ErrorTypeLabel.of(0, new HttpTimeoutException("request timed out")));
    assertEquals("timeout", ErrorTypeLabel.of(0, new HttpConnectTimeoutException("connect timed out")));
    assertEquals("timeout", ErrorTypeLabel.of(0, new InterruptedIOException("timeout")));
    assertEquals("InterruptedIOException", ErrorTypeLabel.of(0, new InterruptedIOException("interrupted")));
  }

  @Test
  void okHttpsInternalRouteExceptionIsReportedAsTheCauseTheApplicationSees() {
    assertEquals("ConnectException",
        ErrorTypeLabel.of(0, new okhttp3.internal.connection.RouteException(new ConnectException())));
  }

  @Test
  void noResponseAndNoExceptionHasNoErrorType() {
    assertNull(ErrorTypeLabel.of(0, null));
  }
}
