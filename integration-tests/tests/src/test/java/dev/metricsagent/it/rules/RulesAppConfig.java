package dev.metricsagent.it.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The agent.yaml the method-rule tests run rules-app with: one rule per case to prove. */
final class RulesAppConfig {

    static final String PACKAGE = "com.example.rules";

    static final String YAML = String.join("\n",
            "rules:",
            "  - metric: fibonacci_calls",
            "    select: " + PACKAGE + ".Fibonacci#fib",
            "  - metric: shared_counter",
            "    select: " + PACKAGE + ".SharedCounter#increment",
            "  - metric: inventory",
            "    class: " + PACKAGE + ".Inventory",
            "    visibility: any",
            "  - metric: repository",
            "    class: " + PACKAGE + "..*",
            "    extends: " + PACKAGE + ".BaseRepository",
            "    methods: find",
            "  - metric: greetings",
            "    class: " + PACKAGE + ".*Greeter",
            "    implements: " + PACKAGE + ".Greeter",
            "    methods: greet",
            "  - metric: formatting",
            "    select: " + PACKAGE + ".TextFormatter#format",
            "  - metric: wide_formatting",
            "    type: counter",
            "    select: '" + PACKAGE + ".TextFormatter#format(java.lang.String, int)'",
            "  - metric: payments",
            "    select: " + PACKAGE + ".PaymentService#charge",
            "    labels: {team: payments}",
            "  - metric: messages_handled",
            "    type: counter",
            "    select: " + PACKAGE + ".MessageWorker#handle",
            "    code_labels: false",
            "    labels: {queue: '{arg0}'}",
            "  - metric: monitored",
            "    class: " + PACKAGE + "..*",
            "    annotation: " + PACKAGE + ".Monitored",
            "  - metric: sessions_opened",
            "    type: counter",
            "    class: " + PACKAGE + ".Session",
            "    constructors: true",
            "    exclude: {methods: [user]}",
            "  - metric: plugin_runs",
            "    class: " + PACKAGE + "..*",
            "    implements: " + PACKAGE + ".Plugin",
            "  - metric: nothing_selected",
            "    select: " + PACKAGE + ".NoSuchClass#run",
            "");

    /** Rules in {@link #YAML}. */
    static final int RULES = 13;

    private RulesAppConfig() {
    }

    static Path write(Path directory) {
        try {
            return Files.writeString(directory.resolve("agent.yaml"), YAML);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
