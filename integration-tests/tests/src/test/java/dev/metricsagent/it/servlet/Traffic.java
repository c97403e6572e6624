package dev.metricsagent.it.servlet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Requests sent from several client threads at once, each answered before the next batch. */
final class Traffic implements AutoCloseable {

    private static final int CLIENT_THREADS = 8;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ExecutorService clients = Executors.newFixedThreadPool(CLIENT_THREADS);

    /** Sends {@code count} requests concurrently, the i-th to {@code url.apply(i)}; returns the statuses. */
    List<Integer> send(String method, int count, IntFunction<URI> url) {
        List<Future<Integer>> responses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpRequest request = HttpRequest.newBuilder(url.apply(i))
                    .method(method, HttpRequest.BodyPublishers.noBody())
                    .timeout(Duration.ofSeconds(30))
                    .build();
            responses.add(clients.submit(() -> status(request)));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> response : responses) {
            try {
                statuses.add(response.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            } catch (ExecutionException e) {
                throw new AssertionError("request failed", e.getCause());
            }
        }
        return statuses;
    }

    private int status(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Override
    public void close() {
        clients.shutdownNow();
    }
}
