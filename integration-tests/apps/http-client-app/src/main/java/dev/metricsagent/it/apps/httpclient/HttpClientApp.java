package dev.metricsagent.it.apps.httpclient;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

/**
 * Sends one GET per argument, each {@code <client>=<url>}, in order, then prints
 * {@code http-client-app done}, then sends one more GET per line of its standard input, in the
 * same form, until it closes.
 *
 * <p>Clients: urlconnection, javahttp-send, javahttp-async, apache4, apache5, apache5-async,
 * okhttp, resttemplate; javahttp2-send and javahttp2-async (java.net.http with version HTTP_2);
 * javahttp2-concurrent (20 HTTP/2 requests sent at once); apache5-async-cancel (cancels its
 * request after 300 ms); and github, whose URL is the API endpoint: it reads the repository
 * octo/hello and its open pull requests with the GitHub API client library.
 *
 * <p>Every client has a 1 s read timeout. Each request prints {@code <client> <url> -> <status>}
 * or {@code -> <exception class>}: the exception exactly as the application receives it.
 */
public final class HttpClientApp {

    static final int READ_TIMEOUT_MS = 1_000;
    static final int HTTP2_CONCURRENT_REQUESTS = 20;

    private HttpClientApp() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Function<String, String>> clients = Map.ofEntries(
                Map.entry("urlconnection", Clients::urlConnection),
                Map.entry("javahttp-send", Clients::javaHttpSend),
                Map.entry("javahttp-async", Clients::javaHttpAsync),
                Map.entry("apache4", Clients::apache4),
                Map.entry("apache5", Clients::apache5),
                Map.entry("apache5-async", ApacheAsyncClient::get),
                Map.entry("apache5-async-cancel", ApacheAsyncClient::cancel),
                Map.entry("javahttp2-send", Clients::javaHttp2Send),
                Map.entry("javahttp2-async", Clients::javaHttp2Async),
                Map.entry("javahttp2-concurrent", url -> Clients.javaHttp2Concurrent(url, HTTP2_CONCURRENT_REQUESTS)),
                Map.entry("okhttp", Clients::okHttp),
                Map.entry("resttemplate", Clients::restTemplate),
                Map.entry("github", Clients::gitHub));
        for (String arg : args) {
            send(clients, arg);
        }
        System.out.println("http-client-app done");
        System.out.flush();
        sendWhatStandardInputAsks(clients);
        Clients.close();
    }

    private static void send(Map<String, Function<String, String>> clients, String request) {
        int equals = request.indexOf('=');
        String client = request.substring(0, equals);
        String url = request.substring(equals + 1);
        Function<String, String> send = clients.get(client);
        if (send == null) {
            System.err.println("http-client-app: unknown client " + client);
            System.exit(2);
        }
        System.out.println(client + " " + url + " -> " + send.apply(url));
        System.out.flush();
    }

    private static void sendWhatStandardInputAsks(Map<String, Function<String, String>> clients) {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    send(clients, line.strip());
                }
            }
        } catch (IOException e) {
            // A broken stdin means the parent is gone.
        }
    }
}
