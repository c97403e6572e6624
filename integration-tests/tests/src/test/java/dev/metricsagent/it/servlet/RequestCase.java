package dev.metricsagent.it.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * {@code count} requests of one kind and the one series they must all land in, exactly:
 * {@code http_server_request_duration_seconds_count} of those labels equals {@code count}.
 */
record RequestCase(
        String method,
        int count,
        IntFunction<String> path,
        int clientStatus,
        String route,
        String errorType) {

    static final String DURATION_COUNT = "http_server_request_duration_seconds_count";

    static RequestCase get(int count, IntFunction<String> path, int status, String route) {
        return new RequestCase("GET", count, path, status, route, status >= 500 ? String.valueOf(status) : "");
    }

    RequestCase erroring(String errorType) {
        return new RequestCase(method, count, path, clientStatus, route, errorType);
    }

    Map<String, String> labels() {
        return Map.of(
                // The cases send GET or a made-up method, which the agent records as _OTHER.
                "http_request_method", method.equals("GET") ? "GET" : "_OTHER",
                "http_route", route,
                "http_response_status_code", String.valueOf(clientStatus),
                "error_type", errorType,
                "url_scheme", "http");
    }

    /** Sends every case's requests concurrently, then checks each series and that nothing else was recorded. */
    static void sendAndVerify(ServletApp app, List<RequestCase> cases) {
        try (Traffic traffic = new Traffic()) {
            for (RequestCase c : cases) {
                List<Integer> statuses = traffic.send(c.method, c.count, i -> app.url(c.path.apply(i)));
                assertEquals(Collections.nCopies(c.count, c.clientStatus), statuses,
                        c.method + " " + c.path.apply(0) + ": what the client saw");
            }
        }
        int total = 0;
        for (RequestCase c : cases) {
            assertEquals(c.count, app.awaitValue(DURATION_COUNT, c.labels(), c.count),
                    c.method + " " + c.path.apply(0) + " " + c.labels() + "\n" + app.scrape().series(DURATION_COUNT));
            total += c.count;
        }
        var scrape = app.scrape();
        assertEquals(cases.size(), scrape.series(DURATION_COUNT).size(),
                "one series per case, nothing counted twice:\n" + scrape.series(DURATION_COUNT));
        assertEquals(total, scrape.sum(DURATION_COUNT, Map.of()), "requests sent == requests recorded");
        assertEquals(0.0, scrape.sum("http_server_active_requests", Map.of()), "no request still active");
        assertEquals(0.0, scrape.value("metrics_agent_advice_errors_total"), "no advice failed");
    }
}
