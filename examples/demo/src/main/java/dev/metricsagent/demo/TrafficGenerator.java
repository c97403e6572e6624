package dev.metricsagent.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Random;

/** Keeps the demo busy: page views (some for owners that do not exist) and API calls. */
final class TrafficGenerator extends Thread {

  private final String baseUrl;
  /** The fake GitHub API, reached under another loopback address so it is its own peer. */
  private final String githubUrl;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Random random = new Random();

  TrafficGenerator(int port) {
    super("demo-traffic");
    setDaemon(true);
    this.baseUrl = "http://localhost:" + port;
    this.githubUrl = "http://127.0.0.2:" + port;
  }

  @Override
  public void run() {
    while (!isInterrupted()) {
      try {
        get(baseUrl + "/owners/" + (1 + random.nextInt(7)));
        get(githubUrl + "/api/github/repos/metrics-agent/metrics-agent/pulls");
        Thread.sleep(200);
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        System.err.println("demo: request failed: " + e);
      }
    }
  }

  private void get(String url) throws Exception {
    client.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.discarding());
  }
}
