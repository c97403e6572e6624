package dev.metricsagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The exposition parser the integration tests rely on, on text as Prometheus clients write it. */
class ScrapeTest {

    // As prometheus-metrics-exporter-httpserver 1.3.0 serves it (captured from isolation-app).
    private static final String CLIENT_JAVA_TEXT = ""
            + "# HELP isolation_app_latency_seconds Latency as the isolation app's own settings shape it.\n"
            + "# TYPE isolation_app_latency_seconds histogram\n"
            + "isolation_app_latency_seconds_bucket{le=\"0.5\"} 0\n"
            + "isolation_app_latency_seconds_bucket{le=\"1.5\"} 1\n"
            + "isolation_app_latency_seconds_bucket{le=\"+Inf\"} 1\n"
            + "isolation_app_latency_seconds_count 1\n"
            + "isolation_app_latency_seconds_sum 0.7\n"
            + "# HELP isolation_app_requests_total Requests handled by the isolation app.\n"
            + "# TYPE isolation_app_requests_total counter\n"
            + "isolation_app_requests_total 3.0\n";

    private static final String HTTP_TEXT = ""
            + "# HELP http_server_request_duration_seconds Duration of HTTP server requests.\n"
            + "# TYPE http_server_request_duration_seconds histogram\n"
            + "http_server_request_duration_seconds_count{http_request_method=\"GET\",http_response_status_code=\"200\",http_route=\"/owners/{ownerId}\"} 4\n"
            + "http_server_request_duration_seconds_count{http_request_method=\"GET\",http_response_status_code=\"404\",http_route=\"/owners/{ownerId}\"} 1\n"
            + "http_server_request_duration_seconds_count{http_request_method=\"POST\",http_response_status_code=\"200\",http_route=\"/owners\"} 2\n";

    @Test
    void readsCountersAndHistogramsAsClientJavaWritesThem() {
        Scrape scrape = Scrape.parse(CLIENT_JAVA_TEXT);

        assertEquals(3.0, scrape.value("isolation_app_requests_total"));
        assertEquals(1.0, scrape.value("isolation_app_latency_seconds_bucket", Map.of("le", "+Inf")));
        assertEquals(0.7, scrape.value("isolation_app_latency_seconds_sum"));
        assertEquals("histogram", scrape.type("isolation_app_latency_seconds"));
        assertEquals("Requests handled by the isolation app.", scrape.help("isolation_app_requests_total"));
        assertEquals(List.of("isolation_app_latency_seconds_bucket", "isolation_app_latency_seconds_count",
                "isolation_app_latency_seconds_sum", "isolation_app_requests_total"), List.copyOf(scrape.names()));
        assertEquals(3, scrape.series("isolation_app_latency_seconds_bucket").size());
    }

    @Test
    void hasMetricKnowsSampleNamesAndFamilyNames() {
        Scrape scrape = Scrape.parse(CLIENT_JAVA_TEXT);

        assertTrue(scrape.hasMetric("isolation_app_latency_seconds"));
        assertTrue(scrape.hasMetric("isolation_app_latency_seconds_count"));
        assertFalse(scrape.hasMetric("isolation_app_latency"));
        assertEquals(3, scrape.namesStartingWith("isolation_app_latency_").size());
    }

    @Test
    void labelsKeepTheirOrderAndMatchAnyMapWithTheSameEntries() {
        Scrape scrape = Scrape.parse("m{b=\"2\",a=\"1\"} 5\n");

        Scrape.Sample sample = scrape.samples().get(0);
        assertEquals(List.of("b", "a"), List.copyOf(sample.labels().keySet()));
        assertEquals(5.0, scrape.value("m", Map.of("a", "1", "b", "2")));
        assertEquals(Optional.empty(), scrape.find("m", Map.of("a", "1")));
    }

    @Test
    void unescapesLabelValues() {
        Scrape scrape = Scrape.parse("m{path=\"C:\\\\dir\",quote=\"say \\\"hi\\\"\",nl=\"a\\nb\",comma=\"x,y}\"} 1\n");

        Map<String, String> labels = scrape.samples().get(0).labels();
        assertEquals("C:\\dir", labels.get("path"));
        assertEquals("say \"hi\"", labels.get("quote"));
        assertEquals("a\nb", labels.get("nl"));
        assertEquals("x,y}", labels.get("comma"));
    }

    @Test
    void unescapesHelpText() {
        Scrape scrape = Scrape.parse("# HELP m A \\\\ backslash and a\\nnewline.\n# TYPE m gauge\nm 1\n");

        assertEquals("A \\ backslash and a\nnewline.", scrape.help("m"));
    }

    @Test
    void readsSpecialValuesAndTimestamps() {
        Scrape scrape = Scrape.parse(""
                + "a +Inf\n"
                + "b -Inf\n"
                + "c NaN\n"
                + "d 1.5e-3 1700000000123\n"
                + "e{l=\"v\",} -2\n"
                + "f\t7\n");

        assertEquals(Double.POSITIVE_INFINITY, scrape.value("a"));
        assertEquals(Double.NEGATIVE_INFINITY, scrape.value("b"));
        assertTrue(Double.isNaN(scrape.value("c")));
        assertEquals(0.0015, scrape.value("d"));
        assertEquals(1700000000123L, scrape.samples().get(3).timestampMs());
        assertNull(scrape.samples().get(0).timestampMs());
        assertEquals(-2.0, scrape.value("e", Map.of("l", "v")));
        assertEquals(7.0, scrape.value("f"));
    }

    @Test
    void readsOpenMetricsWithUnitExemplarsAndEof() {
        Scrape scrape = Scrape.parse(""
                + "# TYPE req counter\n"
                + "# UNIT req_seconds seconds\n"
                + "# HELP req Requests.\n"
                + "req_total{path=\"/\"} 3.0 # {trace_id=\"abc\"} 1.0 1700000000.5\n"
                + "req_created{path=\"/\"} 1700000000.123\n"
                + "# EOF\n");

        assertEquals(3.0, scrape.value("req_total", Map.of("path", "/")));
        assertEquals("counter", scrape.type("req"));
    }

    @Test
    void readsQuotedUtf8Names() {
        Scrape scrape = Scrape.parse("# TYPE \"my.metric\" gauge\n{\"my.metric\",\"label.name\"=\"v\"} 4\n");

        assertEquals(4.0, scrape.value("my.metric", Map.of("label.name", "v")));
        assertEquals("gauge", scrape.type("my.metric"));
    }

    @Test
    void sumAddsEverySeriesWhoseLabelsIncludeTheGivenOnes() {
        Scrape scrape = Scrape.parse(HTTP_TEXT);

        assertEquals(5.0, scrape.sum("http_server_request_duration_seconds_count",
                Map.of("http_route", "/owners/{ownerId}")));
        assertEquals(7.0, scrape.sum("http_server_request_duration_seconds_count", Map.of()));
        assertEquals(0.0, scrape.sum("http_server_request_duration_seconds_count", Map.of("http_route", "/vets")));
    }

    @Test
    void aMissingSeriesIsReportedWithTheSeriesOfThatName() {
        Scrape scrape = Scrape.parse(HTTP_TEXT);

        AssertionError error = assertThrows(AssertionError.class, () -> scrape.value(
                "http_server_request_duration_seconds_count", Map.of("http_request_method", "DELETE")));

        assertTrue(error.getMessage().startsWith(
                "no series http_server_request_duration_seconds_count{http_request_method=\"DELETE\"} in the scrape."),
                error.getMessage());
        assertTrue(error.getMessage().contains("http_route=\"/owners\"} 2.0"), error.getMessage());
    }

    @Test
    void aMissingNameIsReportedWithSimilarNames() {
        Scrape scrape = Scrape.parse(CLIENT_JAVA_TEXT);

        AssertionError error = assertThrows(AssertionError.class, () -> scrape.value("isolation_app_request_total"));

        assertTrue(error.getMessage().contains("Similar names: [isolation_app_requests_total"), error.getMessage());
    }

    @Test
    void aSeriesThatAppearsTwiceIsAnError() {
        Scrape scrape = Scrape.parse("m 1\nm 2\n");

        assertThrows(AssertionError.class, () -> scrape.value("m"));
    }

    @Test
    void malformedLinesAreReportedWithTheirNumber() {
        IllegalArgumentException noValue = assertThrows(IllegalArgumentException.class,
                () -> Scrape.parse("ok 1\nbroken{l=\"v\"}\n"));
        IllegalArgumentException unterminated = assertThrows(IllegalArgumentException.class,
                () -> Scrape.parse("m{l=\"v} 1\n"));
        IllegalArgumentException badValue = assertThrows(IllegalArgumentException.class,
                () -> Scrape.parse("m one\n"));

        assertTrue(noValue.getMessage().startsWith("line 2: "), noValue.getMessage());
        assertTrue(unterminated.getMessage().contains("unterminated"), unterminated.getMessage());
        assertTrue(badValue.getMessage().contains("bad value 'one'"), badValue.getMessage());
    }

    @Test
    void listsTheFamiliesOfDelimitedProtobuf() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeDelimitedFamily(body, "metrics_agent_build_info");
        writeDelimitedFamily(body, "jvm_threads_current");

        Scrape.Response response = new Scrape.Response(200,
                java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true), body.toByteArray());

        assertEquals(List.of("metrics_agent_build_info", "jvm_threads_current"), response.protobufFamilyNames());
    }

    // MetricFamily { name = 1 (string), help = 2 (string), type = 3 (enum) }, length-delimited.
    private static void writeDelimitedFamily(ByteArrayOutputStream out, String name) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] help = "help".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.write(0x0a);
        message.write(nameBytes.length);
        message.writeBytes(nameBytes);
        message.write(0x12);
        message.write(help.length);
        message.writeBytes(help);
        message.write(0x18);
        message.write(1);
        out.write(message.size());
        out.writeBytes(message.toByteArray());
    }
}
