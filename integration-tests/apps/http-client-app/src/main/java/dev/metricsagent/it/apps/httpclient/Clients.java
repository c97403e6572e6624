package dev.metricsagent.it.apps.httpclient;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.util.Timeout;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.client.RestTemplate;

/** One GET with each client; the result is the status, or the class of what the client threw. */
final class Clients {

    private static final Duration READ_TIMEOUT = Duration.ofMillis(HttpClientApp.READ_TIMEOUT_MS);

    private static final HttpClient JAVA_HTTP = HttpClient.newBuilder().build();
    /** HTTP/2: h2c (an HTTP/1.1 upgrade) for http URLs, ALPN for https. */
    private static final HttpClient JAVA_HTTP2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    private static final OkHttpClient OK_HTTP = new OkHttpClient.Builder()
            .readTimeout(READ_TIMEOUT)
            .build();
    private static final org.apache.http.impl.client.CloseableHttpClient APACHE4 =
            org.apache.http.impl.client.HttpClients.custom()
                    .setDefaultRequestConfig(org.apache.http.client.config.RequestConfig.custom()
                            .setSocketTimeout(HttpClientApp.READ_TIMEOUT_MS).build())
                    .useSystemProperties()
                    .build();
    private static final CloseableHttpClient APACHE5 = HttpClients.custom()
            .setDefaultRequestConfig(RequestConfig.custom()
                    .setResponseTimeout(Timeout.ofMilliseconds(HttpClientApp.READ_TIMEOUT_MS)).build())
            .useSystemProperties()
            .build();
    private static final RestTemplate REST_TEMPLATE = restTemplate();

    private Clients() {
    }

    private static RestTemplate restTemplate() {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setReadTimeout(HttpClientApp.READ_TIMEOUT_MS);
        return new RestTemplate(factory);
    }

    static String urlConnection(String url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
            connection.setReadTimeout(HttpClientApp.READ_TIMEOUT_MS);
            int status = connection.getResponseCode();
            // asked again, and the body read: still one exchange
            connection.getResponseCode();
            InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
            if (body != null) {
                body.readAllBytes();
                body.close();
            }
            return Integer.toString(status);
        } catch (IOException e) {
            return e.getClass().getName();
        }
    }

    static String javaHttpSend(String url) {
        try {
            return Integer.toString(JAVA_HTTP.send(request(url), HttpResponse.BodyHandlers.ofString()).statusCode());
        } catch (IOException e) {
            return e.getClass().getName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.getClass().getName();
        }
    }

    static String javaHttpAsync(String url) {
        try {
            return Integer.toString(
                    JAVA_HTTP.sendAsync(request(url), HttpResponse.BodyHandlers.ofString()).join().statusCode());
        } catch (CompletionException e) {
            return e.getCause().getClass().getName();
        }
    }

    /** {@code <status> <protocol version>}, e.g. {@code 200 HTTP_2}. */
    static String javaHttp2Send(String url) {
        try {
            return describe(JAVA_HTTP2.send(request(url), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return e.getClass().getName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.getClass().getName();
        }
    }

    static String javaHttp2Async(String url) {
        try {
            return describe(JAVA_HTTP2.sendAsync(request(url), HttpResponse.BodyHandlers.ofString()).join());
        } catch (CompletionException e) {
            return e.getCause().getClass().getName();
        }
    }

    /** {@code count} requests at once, multiplexed over HTTP/2; how many had each result. */
    static String javaHttp2Concurrent(String url, int count) {
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            responses.add(JAVA_HTTP2.sendAsync(request(url), HttpResponse.BodyHandlers.ofString()));
        }
        Map<String, Integer> results = new TreeMap<>();
        for (CompletableFuture<HttpResponse<String>> response : responses) {
            String result;
            try {
                result = describe(response.join());
            } catch (CompletionException e) {
                result = e.getCause().getClass().getName();
            }
            results.merge(result, 1, Integer::sum);
        }
        return results.toString();
    }

    private static String describe(HttpResponse<?> response) {
        return response.statusCode() + " " + response.version();
    }

    private static HttpRequest request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(READ_TIMEOUT).build();
    }

    static String apache4(String url) {
        try {
            return APACHE4.execute(new org.apache.http.client.methods.HttpGet(url), response -> {
                if (response.getEntity() != null) {
                    org.apache.http.util.EntityUtils.consume(response.getEntity());
                }
                return Integer.toString(response.getStatusLine().getStatusCode());
            });
        } catch (IOException e) {
            return e.getClass().getName();
        }
    }

    static String apache5(String url) {
        try {
            return APACHE5.execute(new HttpGet(url), response -> {
                if (response.getEntity() != null) {
                    org.apache.hc.core5.http.io.entity.EntityUtils.consume(response.getEntity());
                }
                return Integer.toString(response.getCode());
            });
        } catch (IOException e) {
            return e.getClass().getName();
        }
    }

    static String okHttp(String url) {
        try (Response response = OK_HTTP.newCall(new Request.Builder().url(url).build()).execute()) {
            if (response.body() != null) {
                response.body().bytes();
            }
            return Integer.toString(response.code());
        } catch (IOException e) {
            return e.getClass().getName();
        }
    }

    static String restTemplate(String url) {
        try {
            return Integer.toString(REST_TEMPLATE.getForEntity(url, String.class).getStatusCode().value());
        } catch (RestClientResponseException e) {
            return Integer.toString(e.getStatusCode().value());
        } catch (RuntimeException e) {
            return e.getClass().getName();
        }
    }

    /** The repository octo/hello and its open pull requests, through the GitHub API client library. */
    static String gitHub(String endpoint) {
        try {
            GitHub gitHub = new GitHubBuilder().withEndpoint(endpoint).build();
            GHRepository repository = gitHub.getRepository("octo/hello");
            int pulls = 0;
            for (GHPullRequest pull : repository.getPullRequests(GHIssueState.OPEN)) {
                pulls++;
            }
            return repository.getFullName() + ", " + pulls + " open pull request(s)";
        } catch (IOException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    static void close() throws IOException, InterruptedException {
        APACHE4.close();
        APACHE5.close();
        ApacheAsyncClient.close();
        OK_HTTP.dispatcher().executorService().shutdown();
        OK_HTTP.connectionPool().evictAll();
        OK_HTTP.dispatcher().executorService().awaitTermination(1, TimeUnit.SECONDS);
    }
}
