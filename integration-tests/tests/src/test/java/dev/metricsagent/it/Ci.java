package dev.metricsagent.it;

/**
 * Whether the tests run in CI ({@code CI=true}), where a missing prerequisite (a JDK, a
 * local service) is an error rather than a reason to skip.
 */
final class Ci {

    private Ci() {
    }

    static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Prints a warning that stands out in a long build log. */
    static void warn(String message) {
        String bar = "!".repeat(100);
        System.err.println(bar);
        System.err.println("!!! WARNING: " + message);
        System.err.println(bar);
    }
}
