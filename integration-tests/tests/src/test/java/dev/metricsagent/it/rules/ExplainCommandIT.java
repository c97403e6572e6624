package dev.metricsagent.it.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.metricsagent.it.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar metrics-agent.jar explain} lists what each rule of rules-app's configuration
 * selects, without running rules-app: exactly the methods {@link MethodRulesIT} sees recorded.
 */
class ExplainCommandIT {

    private static final String APP = RulesAppConfig.PACKAGE + ".";

    @TempDir
    Path directory;

    @Test
    void listsPerRuleTheMethodsTheAgentInstrumentsAndWarnsAboutARuleThatSelectsNothing() throws Exception {
        Path config = RulesAppConfig.write(directory);
        Path appJar = ChildJvm.appsDir().resolve("rules-app/target/rules-app.jar");

        Process explain = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", ChildJvm.agentJar().toString(), "explain", "--config", config.toString(),
                "--classpath", appJar.toString())
                .redirectErrorStream(true).start();
        String output = new String(explain.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        explain.waitFor(60, TimeUnit.SECONDS);

        assertEquals(0, explain.exitValue(), output);
        String at = " (timer) at " + config.toAbsolutePath() + ":";
        assertEquals(List.of(
                "rules[0] fibonacci_calls_seconds" + at + "2:5",
                "  " + APP + "Fibonacci#fib(int)",
                "rules[1] shared_counter_seconds" + at + "4:5",
                "  " + APP + "SharedCounter#increment()",
                "rules[2] inventory_seconds" + at + "6:5",
                "  " + APP + "Inventory#check(java.lang.String)",
                "  " + APP + "Inventory#reserve(java.lang.String)",
                "rules[3] repository_seconds" + at + "9:5",
                "  " + APP + "BaseRepository#find(long)",
                "rules[4] greetings_seconds" + at + "13:5",
                "  " + APP + "Greeter#greet()",
                "rules[5] formatting_seconds" + at + "17:5",
                "  " + APP + "TextFormatter#format(java.lang.String)",
                "  " + APP + "TextFormatter#format(java.lang.String, int)",
                "rules[6] wide_formatting_total (counter) at " + config.toAbsolutePath() + ":19:5",
                "  " + APP + "TextFormatter#format(java.lang.String, int)",
                "rules[7] payments_seconds" + at + "22:5",
                "  " + APP + "PaymentService#charge(long)",
                "rules[8] messages_handled_total (counter) at " + config.toAbsolutePath() + ":25:5",
                "  " + APP + "MessageWorker#handle(java.lang.String, java.lang.String)",
                "rules[9] monitored_seconds" + at + "30:5",
                "  " + APP + "Reports#daily()",
                "rules[10] sessions_opened_total (counter) at " + config.toAbsolutePath() + ":33:5",
                "  " + APP + "Session#<init>(java.lang.String)",
                "rules[11] plugin_runs_seconds" + at + "38:5",
                "  " + APP + "LatePlugin#run(java.lang.String)",
                "rules[12] nothing_selected_seconds" + at + "41:5",
                "  warning: selects no method in the class path",
                "13 rules, 13 methods instrumented; 1 rule selects nothing"),
                Arrays.asList(output.split("\n")));
    }

    @Test
    void anInvalidConfigurationIsReportedWithItsLocationAndExitStatus1() throws IOException, InterruptedException {
        Path config = java.nio.file.Files.writeString(directory.resolve("agent.yaml"),
                "rules:\n  - metric: calls\n    implements: java.lang.Runnable\n");
        Path appJar = ChildJvm.appsDir().resolve("rules-app/target/rules-app.jar");

        Process explain = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", ChildJvm.agentJar().toString(), "explain", "--config", config.toString(),
                "--classpath", appJar.toString())
                .redirectErrorStream(true).start();
        String output = new String(explain.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        explain.waitFor(60, TimeUnit.SECONDS);

        assertEquals(1, explain.exitValue(), output);
        assertEquals(true, output.contains(config.toAbsolutePath() + ":2:5: rules[0]: rule for metric 'calls' is not"
                + " restricted to a package"), output);
    }
}
