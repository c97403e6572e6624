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
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Random random = new Random();

  TrafficGenerator(String baseUrl) {
    super("demo-traffic");
    setDaemon(true);
    this.baseUrl = baseUrl;
  }

  @Override
  public void run() {
    while (!isInterrupted()) {
      try {
        get("/owners/" + (1 + random.nextInt(7)));
        get("/api/github/repos/metrics-agent/metrics-agent/pulls");
        Thread.sleep(200);
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        System.err.println("demo: request failed: " + e);
      }
    }
  }

  private void get(String path) throws Exception {
    client.send(
        HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
        HttpResponse.BodyHandlers.discarding());
  }
}
