package dev.metricsagent.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * One scrape of a {@code /metrics} endpoint, parsed from the Prometheus text format 0.0.4
 * (OpenMetrics text parses too: {@code # EOF}, {@code # UNIT} and exemplars are accepted).
 *
 * <pre>{@code
 * Scrape scrape = Scrape.fetch(app.metricsUrl());
 * assertEquals(1.0, scrape.value("metrics_agent_build_info", Map.of("version", "0.1.0-SNAPSHOT")));
 * assertTrue(scrape.hasMetric("jvm_memory_used_bytes"));
 * }</pre>
 *
 * <p>Sample names are as exposed: a counter {@code x} has samples {@code x_total}, a
 * histogram {@code h} has {@code h_bucket}, {@code h_count} and {@code h_sum}.
 */
public final class Scrape {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final String text;
    private final List<Sample> samples;
    private final Map<String, String> types;
    private final Map<String, String> helps;

    private Scrape(String text, List<Sample> samples, Map<String, String> types, Map<String, String> helps) {
        this.text = text;
        this.samples = Collections.unmodifiableList(samples);
        this.types = Collections.unmodifiableMap(types);
        this.helps = Collections.unmodifiableMap(helps);
    }

    // ---------------------------------------------------------------- fetching

    /** GETs the URL with no Accept header, expects 200 and parses the text body. */
    public static Scrape fetch(URI metricsUrl) {
        Response response = raw(metricsUrl, Map.of());
        if (response.status() != 200) {
            throw new AssertionError("GET " + metricsUrl + " answered " + response.status() + ":\n" + response.bodyText());
        }
        return parse(response.bodyText());
    }

    /** GETs the URL with the given request headers and returns the response as it came (no decompression). */
    public static Response raw(URI url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT).GET();
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted during GET " + url, e);
        }
    }

    /** {@link #raw(URI, Map)} without extra headers. */
    public static Response raw(URI url) {
        return raw(url, Map.of());
    }

    /** An HTTP response: status, headers, the body bytes exactly as sent. */
    public static final class Response {
        private final int status;
        private final HttpHeaders headers;
        private final byte[] body;

        Response(int status, HttpHeaders headers, byte[] body) {
            this.status = status;
            this.headers = headers;
            this.body = body;
        }

        public int status() {
            return status;
        }

        public Map<String, List<String>> headers() {
            return headers.map();
        }

        /** The first value of a header (names are case-insensitive), or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public byte[] body() {
            return body.clone();
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The body decompressed as gzip. */
        public byte[] gunzippedBody() {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new AssertionError("the body is not gzip: " + e, e);
            }
        }

        /** The body as length-delimited protobuf {@code io.prometheus.client.MetricFamily} messages: their names. */
        public List<String> protobufFamilyNames() {
            return ProtobufFamilies.names(body);
        }
    }

    // ---------------------------------------------------------------- parsing

    /** Parses exposition text; fails with the line number on anything malformed. */
    public static Scrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, String> helps = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isBlank()) {
                continue;
            }
            try {
                LineParser parser = new LineParser(line);
                if (line.startsWith("#")) {
                    parser.comment(types, helps);
                } else {
                    samples.add(parser.sample());
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage() + ": " + line, e);
            }
        }
        return new Scrape(text, samples, types, helps);
    }

    // ---------------------------------------------------------------- reading

    /** The text as scraped. */
    public String text() {
        return text;
    }

    /** Every sample, in exposition order. */
    public List<Sample> samples() {
        return samples;
    }

    /** The samples of one name, e.g. {@code series("jvm_memory_used_bytes")}. */
    public List<Sample> series(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).collect(Collectors.toList());
    }

    /** The distinct sample names, in exposition order. */
    public Set<String> names() {
        return samples.stream().map(Sample::name).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Whether a sample of that name or a family of that name (from # TYPE / # HELP) is present. */
    public boolean hasMetric(String name) {
        return types.containsKey(name) || helps.containsKey(name) || samples.stream().anyMatch(s -> s.name().equals(name));
    }

    /** The sample names starting with the prefix, e.g. {@code namesStartingWith("jvm_")}. */
    public Set<String> namesStartingWith(String prefix) {
        return names().stream().filter(n -> n.startsWith(prefix)).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The type of a family (# TYPE), e.g. {@code counter}, or null. */
    public String type(String family) {
        return types.get(family);
    }

    /** The help text of a family (# HELP), unescaped, or null. */
    public String help(String family) {
        return helps.get(family);
    }

    /** The value of the series with exactly these labels; fails listing similar series if absent. */
    public double value(String name, Map<String, String> labels) {
        return find(name, labels).orElseThrow(() -> new AssertionError(missing(name, labels)));
    }

    /** The value of the series of that name that has no labels. */
    public double value(String name) {
        return value(name, Map.of());
    }

    /** The value of the series with exactly these labels, if present. */
    public Optional<Double> find(String name, Map<String, String> labels) {
        List<Double> values = samples.stream()
                .filter(s -> s.name().equals(name) && s.labels().equals(labels))
                .map(Sample::value)
                .collect(Collectors.toList());
        if (values.size() > 1) {
            throw new AssertionError("the series " + Sample.render(name, labels) + " appears " + values.size()
                    + " times in the scrape");
        }
        return values.stream().findFirst();
    }

    /** The sum over every series of that name whose labels include all of {@code labels} (0 if none). */
    public double sum(String name, Map<String, String> labels) {
        return samples.stream()
                .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Sample::value)
                .sum();
    }

    private String missing(String name, Map<String, String> labels) {
        StringBuilder message = new StringBuilder("no series ").append(Sample.render(name, labels)).append(" in the scrape.");
        List<Sample> sameName = series(name);
        if (!sameName.isEmpty()) {
            message.append("\nSeries of that name:");
            sameName.stream().limit(30).forEach(s -> message.append("\n  ").append(s));
            if (sameName.size() > 30) {
                message.append("\n  ... ").append(sameName.size() - 30).append(" more");
            }
        } else {
            List<String> similar = names().stream()
                    .filter(n -> n.startsWith(name) || editDistance(name, n) <= Math.max(3, name.length() / 4))
                    .sorted(Comparator.comparingInt((String n) -> editDistance(name, n)).thenComparing(n -> n))
                    .limit(10)
                    .collect(Collectors.toList());
            message.append(similar.isEmpty()
                    ? "\nNo similar name; names in the scrape: " + names()
                    : "\nSimilar names: " + similar);
        }
        return message.toString();
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    @Override
    public String toString() {
        return text;
    }

    // ---------------------------------------------------------------- model

    /** One sample: name, labels in exposition order, value, optional timestamp (ms). */
    public static final class Sample {
        private final String name;
        private final Map<String, String> labels;
        private final double value;
        private final Long timestampMs;

        Sample(String name, Map<String, String> labels, double value, Long timestampMs) {
            this.name = name;
            this.labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
            this.value = value;
            this.timestampMs = timestampMs;
        }

        public String name() {
            return name;
        }

        /** The labels, in the order they were exposed; equals() any map with the same entries. */
        public Map<String, String> labels() {
            return labels;
        }

        public String label(String labelName) {
            return labels.get(labelName);
        }

        public double value() {
            return value;
        }

        /** The timestamp in milliseconds, or null when the sample has none. */
        public Long timestampMs() {
            return timestampMs;
        }

        static String render(String name, Map<String, String> labels) {
            if (labels.isEmpty()) {
                return name;
            }
            return name + labels.entrySet().stream()
                    .map(e -> e.getKey() + "=\"" + e.getValue().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"")
                    .collect(Collectors.joining(",", "{", "}"));
        }

        @Override
        public String toString() {
            return render(name, labels) + " " + value;
        }
    }

    // One line of exposition text, read left to right.
    private static final class LineParser {
        private final String line;
        private int pos;

        LineParser(String line) {
            this.line = line;
        }

        void comment(Map<String, String> types, Map<String, String> helps) {
            pos = 1;
            skipBlanks();
            String keyword = token();
            if (!keyword.equals("HELP") && !keyword.equals("TYPE") && !keyword.equals("UNIT")) {
                return; // "# EOF" and free comments carry nothing to keep.
            }
            skipBlanks();
            String family = atEnd() ? "" : (peek() == '"' ? quoted() : metricName());
            if (family.isEmpty()) {
                throw new IllegalArgumentException("# " + keyword + " without a metric name");
            }
            if (!atEnd() && !isBlank(peek())) {
                throw new IllegalArgumentException("bad metric name in # " + keyword);
            }
            skipBlanks();
            String rest = line.substring(pos);
            if (keyword.equals("HELP")) {
                helps.put(family, unescapeHelp(rest));
            } else if (keyword.equals("TYPE")) {
                types.put(family, rest.trim());
            }
        }

        Sample sample() {
            String name = null;
            if (peek() != '{') {
                name = metricName();
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (!atEnd() && peek() == '{') {
                pos++;
                skipBlanks();
                while (peek() != '}') {
                    String labelName = peek() == '"' ? quoted() : labelName();
                    skipBlanks();
                    if (!atEnd() && peek() != '=' && name == null) {
                        // UTF-8 names: {"metric.name", label="v"} puts the metric name first.
                        name = labelName;
                    } else {
                        expect('=');
                        skipBlanks();
                        if (labels.put(labelName, quoted()) != null) {
                            throw new IllegalArgumentException("label " + labelName + " appears twice");
                        }
                    }
                    skipBlanks();
                    if (peek() == ',') {
                        pos++;
                        skipBlanks();
                    } else if (peek() != '}') {
                        throw new IllegalArgumentException("expected ',' or '}' at column " + (pos + 1));
                    }
                }
                pos++;
            }
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("sample without a metric name");
            }
            if (atEnd() || !isBlank(peek())) {
                throw new IllegalArgumentException("expected a blank and a value at column " + (pos + 1));
            }
            skipBlanks();
            double value = number(token());
            skipBlanks();
            Long timestamp = null;
            if (!atEnd() && peek() != '#') {
                String token = token();
                try {
                    // OpenMetrics timestamps are seconds with a fraction; 0.0.4 ones are integer ms.
                    timestamp = token.contains(".") || token.contains("e")
                            ? Math.round(Double.parseDouble(token) * 1000)
                            : Long.parseLong(token);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad timestamp '" + token + "'");
                }
                skipBlanks();
            }
            if (!atEnd() && peek() != '#') {
                throw new IllegalArgumentException("unexpected text after the value at column " + (pos + 1));
            }
            // Anything after " # " is an OpenMetrics exemplar: not kept.
            return new Sample(name, labels, value, timestamp);
        }

        private static double number(String token) {
            switch (token) {
                case "+Inf":
                case "Inf":
                    return Double.POSITIVE_INFINITY;
                case "-Inf":
                    return Double.NEGATIVE_INFINITY;
                case "NaN":
                    return Double.NaN;
                default:
                    try {
                        return Double.parseDouble(token);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("bad value '" + token + "'");
                    }
            }
        }

        private String metricName() {
            int start = pos;
            while (!atEnd() && isNameChar(peek(), pos == start, true)) {
                pos++;
            }
            if (pos == start) {
                throw new IllegalArgumentException("expected a metric name at column " + (pos + 1));
            }
            return line.substring(start, pos);
        }

        private String labelName() {
            int start = pos;
            while (!atEnd() && isNameChar(peek(), pos == start, false)) {
                pos++;
            }
            if (pos == start) {
                throw new IllegalArgumentException("expected a label name at column " + (pos + 1));
            }
            return line.substring(start, pos);
        }

        private static boolean isNameChar(char c, boolean first, boolean colonAllowed) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
                    || (colonAllowed && c == ':') || (!first && c >= '0' && c <= '9');
        }

        private String quoted() {
            expect('"');
            StringBuilder value = new StringBuilder();
            while (true) {
                if (atEnd()) {
                    throw new IllegalArgumentException("unterminated quoted string");
                }
                char c = line.charAt(pos++);
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\') {
                    if (atEnd()) {
                        throw new IllegalArgumentException("unterminated escape");
                    }
                    char escaped = line.charAt(pos++);
                    switch (escaped) {
                        case 'n':
                            value.append('\n');
                            break;
                        case '\\':
                        case '"':
                            value.append(escaped);
                            break;
                        default:
                            // Prometheus keeps unknown escapes as they are.
                            value.append('\\').append(escaped);
                    }
                } else {
                    value.append(c);
                }
            }
        }

        private static String unescapeHelp(String help) {
            StringBuilder value = new StringBuilder();
            for (int i = 0; i < help.length(); i++) {
                char c = help.charAt(i);
                if (c == '\\' && i + 1 < help.length()) {
                    char escaped = help.charAt(++i);
                    if (escaped == 'n') {
                        value.append('\n');
                    } else if (escaped == '\\' || escaped == '"') {
                        value.append(escaped);
                    } else {
                        value.append('\\').append(escaped);
                    }
                } else {
                    value.append(c);
                }
            }
            return value.toString();
        }

        private String token() {
            int start = pos;
            while (!atEnd() && !isBlank(peek())) {
                pos++;
            }
            return line.substring(start, pos);
        }

        private void expect(char c) {
            if (atEnd() || peek() != c) {
                throw new IllegalArgumentException("expected '" + c + "' at column " + (pos + 1));
            }
            pos++;
        }

        private void skipBlanks() {
            while (!atEnd() && isBlank(peek())) {
                pos++;
            }
        }

        private static boolean isBlank(char c) {
            return c == ' ' || c == '\t';
        }

        private boolean atEnd() {
            return pos >= line.length();
        }

        private char peek() {
            if (atEnd()) {
                throw new IllegalArgumentException("unexpected end of line");
            }
            return line.charAt(pos);
        }
    }

    // Just enough protobuf to list the families of a delimited MetricFamily stream.
    private static final class ProtobufFamilies {
        private static final int NAME_FIELD = 1;
        private static final int WIRE_VARINT = 0;
        private static final int WIRE_64BIT = 1;
        private static final int WIRE_LENGTH_DELIMITED = 2;
        private static final int WIRE_32BIT = 5;

        static List<String> names(byte[] bytes) {
            List<String> names = new ArrayList<>();
            int[] pos = {0};
            while (pos[0] < bytes.length) {
                int length = (int) varint(bytes, pos);
                int end = pos[0] + length;
                if (length < 0 || end > bytes.length) {
                    throw new AssertionError("truncated protobuf message at byte " + pos[0]);
                }
                String name = null;
                while (pos[0] < end) {
                    long tag = varint(bytes, pos);
                    int field = (int) (tag >>> 3);
                    int wireType = (int) (tag & 7);
                    switch (wireType) {
                        case WIRE_VARINT:
                            varint(bytes, pos);
                            break;
                        case WIRE_64BIT:
                            pos[0] += 8;
                            break;
                        case WIRE_32BIT:
                            pos[0] += 4;
                            break;
                        case WIRE_LENGTH_DELIMITED:
                            int fieldLength = (int) varint(bytes, pos);
                            if (field == NAME_FIELD) {
                                name = new String(bytes, pos[0], fieldLength, StandardCharsets.UTF_8);
                            }
                            pos[0] += fieldLength;
                            break;
                        default:
                            throw new AssertionError("not a protobuf MetricFamily: wire type " + wireType + " at byte " + pos[0]);
                    }
                }
                if (pos[0] != end) {
                    throw new AssertionError("protobuf message overran its length at byte " + pos[0]);
                }
                names.add(name);
            }
            return names;
        }

        private static long varint(byte[] bytes, int[] pos) {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (pos[0] >= bytes.length) {
                    throw new AssertionError("truncated protobuf varint");
                }
                byte b = bytes[pos[0]++];
                result |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return result;
                }
            }
            throw new AssertionError("malformed protobuf varint");
        }
    }
}
