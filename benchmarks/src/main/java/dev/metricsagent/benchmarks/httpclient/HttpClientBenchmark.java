package dev.metricsagent.benchmarks.httpclient;

import dev.metricsagent.benchmarks.AgentJar;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One GET of a 2-byte body from a server on loopback in the same JVM, with keep-alive: the
 * smallest real exchange, so that the agent's share is as visible as it can be. Run by {@link
 * WithoutAgent} and {@link WithAgent} in the same JMH run; docs/performance.md has the ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public abstract class HttpClientBenchmark {

  /**
   * The JDK's server writes headers and body separately: without TCP_NODELAY, Nagle's algorithm
   * and delayed ACKs make every exchange take 40 ms, whatever the client does.
   */
  static final String NO_DELAY = "-Dsun.net.httpserver.nodelay=true";

  private static final byte[] BODY = "ok".getBytes();

  private HttpServer server;
  private ExecutorService serverThreads;
  private URL url;
  private HttpClient javaHttpClient;
  private HttpRequest javaHttpRequest;

  @Setup
  public void start() throws IOException {
    checkAgent();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            exchange.sendResponseHeaders(200, BODY.length);
            exchange.getResponseBody().write(BODY);
          }
        });
    serverThreads = Executors.newFixedThreadPool(2);
    server.setExecutor(serverThreads);
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/repos/octo/hello";
    url = new URL(base);
    javaHttpClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    javaHttpRequest = HttpRequest.newBuilder(URI.create(base)).build();
  }

  @TearDown
  public void stop() {
    server.stop(0);
    serverThreads.shutdownNow();
  }

  abstract boolean expectsAgent();

  URL url() {
    return url;
  }

  private void checkAgent() {
    AgentJar.check(expectsAgent(), "dev.metricsagent.bootstrap.httpclient.HttpClientBridge");
  }


  /** java.net.HttpURLConnection, the body read to the end so the connection is kept alive. */
  @Benchmark
  public int urlConnectionGet() throws IOException {
    HttpURLConnection connection = (HttpURLConnection) url.openConnection();
    int status = connection.getResponseCode();
    try (InputStream body = connection.getInputStream()) {
      body.readAllBytes();
    }
    return status;
  }

  /** java.net.http.HttpClient.send, HTTP/1.1. */
  @Benchmark
  public int javaHttpClientSend() throws IOException, InterruptedException {
    return javaHttpClient.send(javaHttpRequest, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
  }
}
