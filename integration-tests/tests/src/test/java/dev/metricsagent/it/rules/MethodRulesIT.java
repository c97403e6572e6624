package dev.metricsagent.it.rules;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metricsagent.it.Agents;
import dev.metricsagent.it.ChildJvm;
import dev.metricsagent.it.ClassLoadLog;
import dev.metricsagent.it.Jdks.Jdk;
import dev.metricsagent.it.Scrape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * rules-app calls each method a known number of times; the metrics of the rules in
 * {@link RulesAppConfig} must show exactly those counts, under exactly these labels.
 */
class MethodRulesIT {

    private static final String APP = RulesAppConfig.PACKAGE + ".";

    @TempDir
    Path directory;

    @ParameterizedTest
    @MethodSource("dev.metricsagent.it.Jdks#all")
    void everyCallOfASelectedMethodIsRecordedExactlyOnce(Jdk jdk) throws IOException {
        Path config = RulesAppConfig.write(directory);
        Path classLog = directory.resolve("classes.log");
        try (ChildJvm app = ChildJvm.app("rules-app").jdk(jdk).agent(Agents.config(config) + ",port=0")
                .jvmArgs(ClassLoadLog.jvmArg(classLog))
                .start()) {
            app.awaitStdout("^rules-app ready$");
            Scrape scrape = Scrape.fetch(app.metricsUrl());

            assertAll(
                    () -> assertEquals(177.0, timed(scrape, "fibonacci_calls", "Fibonacci", "fib"), "recursion"),
                    () -> assertEquals(8000.0, timed(scrape, "shared_counter", "SharedCounter", "increment"),
                            "8 threads at once"),
                    () -> assertEquals(3.0, timed(scrape, "inventory", "Inventory", "check"), "public"),
                    () -> assertEquals(3.0, timed(scrape, "inventory", "Inventory", "reserve"), "private"),
                    () -> assertEquals(4.0, timed(scrape, "repository", "BaseRepository", "find"),
                            "inherited: recorded where it is declared"),
                    () -> assertEquals(2.0, timed(scrape, "greetings", "Greeter", "greet"), "interface default method"),
                    () -> assertEquals(3.0, timed(scrape, "formatting", "TextFormatter", "format"),
                            "both overloads under one name"),
                    () -> assertEquals(2.0, scrape.value("wide_formatting_total",
                            codeLabels("TextFormatter", "format")), "one overload by its parameters"),
                    () -> assertEquals(2.0, timed(scrape, "monitored", "Reports", "daily"), "annotated method"),
                    () -> assertEquals(3.0, scrape.value("sessions_opened_total", codeLabels("Session", "<init>")),
                            "constructor"),
                    () -> assertEquals(6.0, timed(scrape, "plugin_runs", "LatePlugin", "run"),
                            "class loaded late by its own class loader, selected by its interface"));
        }
        // Rules are never cached: every start weaves them, constructors included, with the agent's weaver.
        ClassLoadLog.assertMatchedAndWovenWithoutByteBuddy(classLog);
    }

    @ParameterizedTest
    @MethodSource("dev.metricsagent.it.Jdks#all")
    void aMethodThatThrowsIsRecordedWithErrorTypeAndTheCallerGetsTheSameException(Jdk jdk) {
        Path config = RulesAppConfig.write(directory);
        try (ChildJvm app = ChildJvm.app("rules-app").jdk(jdk).agent(Agents.config(config) + ",port=0").start()) {
            app.awaitStdout("^rules-app ready$");
            Scrape scrape = Scrape.fetch(app.metricsUrl());

            Map<String, String> returned = Map.of("code_namespace", APP + "PaymentService", "code_function", "charge",
                    "team", "payments", "error_type", "");
            Map<String, String> threw = Map.of("code_namespace", APP + "PaymentService", "code_function", "charge",
                    "team", "payments", "error_type", "IllegalArgumentException");
            assertEquals(List.of(returned, threw), labelSets(scrape, "payments_seconds_count"));
            assertEquals(3.0, scrape.value("payments_seconds_count", returned));
            assertEquals(2.0, scrape.value("payments_seconds_count", threw));
            assertEquals(List.of(
                    "rules-app caught java.lang.IllegalArgumentException: negative amount -1 at " + APP
                            + "PaymentService.charge",
                    "rules-app caught java.lang.IllegalArgumentException: negative amount -2 at " + APP
                            + "PaymentService.charge"),
                    app.stdoutLines().stream().filter(line -> line.startsWith("rules-app caught"))
                            .collect(Collectors.toList()));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.metricsagent.it.Jdks#all")
    void aCounterLabelledByAnArgumentHasOneSeriesPerValueAndOnlyTheSelectedMethodsHaveSeries(Jdk jdk) {
        Path config = RulesAppConfig.write(directory);
        try (ChildJvm app = ChildJvm.app("rules-app").jdk(jdk).agent(Agents.config(config) + ",port=0").start()) {
            app.awaitStdout("^rules-app ready$");
            Scrape scrape = Scrape.fetch(app.metricsUrl());

            assertEquals(List.of(Map.of("queue", "orders"), Map.of("queue", "refunds")),
                    labelSets(scrape, "messages_handled_total"));
            assertEquals(3.0, scrape.value("messages_handled_total", Map.of("queue", "orders")));
            assertEquals(1.0, scrape.value("messages_handled_total", Map.of("queue", "refunds")));
            assertEquals(List.of(Map.of("code_namespace", APP + "Reports", "code_function", "daily", "error_type", "")),
                    labelSets(scrape, "monitored_seconds_count"), "Reports.weekly is not annotated");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.metricsagent.it.Jdks#all")
    void theStartupLineCountsTheRulesAndNamesTheRulesInstrumentation(Jdk jdk) {
        Path config = RulesAppConfig.write(directory);
        try (ChildJvm app = ChildJvm.app("rules-app").jdk(jdk).agent(Agents.config(config) + ",port=0").start()) {
            String line = app.awaitAgentStartup().group();
            assertTrue(line.matches(".*; instrumentations: (.*, )?rules(, .*)?; rules: " + RulesAppConfig.RULES
                    + "; started in \\d+ ms$"), line);
        }
    }

    private static double timed(Scrape scrape, String metric, String simpleClassName, String method) {
        Map<String, String> labels = new java.util.HashMap<>(codeLabels(simpleClassName, method));
        labels.put("error_type", "");
        return scrape.value(metric + "_seconds_count", labels);
    }

    private static Map<String, String> codeLabels(String simpleClassName, String method) {
        return Map.of("code_namespace", APP + simpleClassName, "code_function", method);
    }

    private static List<Map<String, String>> labelSets(Scrape scrape, String series) {
        return scrape.series(series).stream().map(Scrape.Sample::labels)
                .sorted(java.util.Comparator.comparing(Object::toString)).collect(Collectors.toList());
    }
}
