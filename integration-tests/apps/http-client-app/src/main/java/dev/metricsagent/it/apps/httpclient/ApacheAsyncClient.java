package dev.metricsagent.it.apps.httpclient;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * Apache HttpClient 5 async ({@code CloseableHttpAsyncClient}, HTTP/1.1): each GET with a callback
 * and through the returned future. The result says what both saw, so that a test can tell that
 * the agent changed neither.
 */
final class ApacheAsyncClient {

    private static final CloseableHttpAsyncClient CLIENT = HttpAsyncClients.custom()
            .setDefaultRequestConfig(RequestConfig.custom()
                    .setResponseTimeout(Timeout.ofMilliseconds(HttpClientApp.READ_TIMEOUT_MS)).build())
            .useSystemProperties()
            .build();

    static {
        CLIENT.start();
    }

    private ApacheAsyncClient() {
    }

    /** {@code <status>} or {@code <exception class>}, then {@code (callback: <what it was told>)}. */
    static String get(String url) {
        RecordingCallback callback = new RecordingCallback();
        Future<SimpleHttpResponse> future = CLIENT.execute(SimpleRequestBuilder.get(url).build(), callback);
        String outcome;
        try {
            outcome = Integer.toString(future.get().getCode());
        } catch (ExecutionException e) {
            outcome = e.getCause().getClass().getName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = e.getClass().getName();
        }
        return outcome + " (callback: " + callback.await() + ")";
    }

    /** Sends the GET, cancels it after {@code 300 ms}, and says what the future and callback saw. */
    static String cancel(String url) {
        RecordingCallback callback = new RecordingCallback();
        Future<SimpleHttpResponse> future = CLIENT.execute(SimpleRequestBuilder.get(url).build(), callback);
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean cancelled = future.cancel(true);
        return "cancel() " + cancelled + ", isCancelled() " + future.isCancelled()
                + " (callback: " + callback.await() + ")";
    }

    static void close() {
        CLIENT.close(CloseMode.GRACEFUL);
    }

    private static final class RecordingCallback implements FutureCallback<SimpleHttpResponse> {

        private final CountDownLatch done = new CountDownLatch(1);
        private volatile String told = "nothing";

        @Override
        public void completed(SimpleHttpResponse response) {
            told = "completed " + response.getCode();
            done.countDown();
        }

        @Override
        public void failed(Exception cause) {
            told = "failed " + cause.getClass().getName();
            done.countDown();
        }

        @Override
        public void cancelled() {
            told = "cancelled";
            done.countDown();
        }

        String await() {
            try {
                done.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return told;
        }
    }
}
