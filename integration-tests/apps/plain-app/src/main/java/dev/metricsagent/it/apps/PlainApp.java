package dev.metricsagent.it.apps;

import java.io.IOException;
import java.io.InputStream;

/**
 * An application that does nothing: it says it is ready, then waits.
 *
 * <p>Usage: {@code PlainApp [--exit-after-ms N] [--log-with-jul]}. Without the first option it
 * runs until its standard input closes (the test closes it, or the test JVM dies), so that no
 * stray child outlives a test run. With it, it exits with status 0 after N milliseconds, or
 * earlier when standard input closes. It exits by returning from main: a non-daemon thread started
 * by the agent would keep the JVM running, and the tests notice. {@code --log-with-jul} makes a
 * java.util.logging logger when ready, which makes the configured log manager.
 */
public final class PlainApp {

    private PlainApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        long exitAfterMs = -1;
        boolean logWithJul = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--exit-after-ms") && i + 1 < args.length) {
                exitAfterMs = Long.parseLong(args[++i]);
            } else if (args[i].equals("--log-with-jul")) {
                logWithJul = true;
            } else {
                System.err.println("plain-app: unknown argument " + args[i]);
                System.exit(2);
            }
        }

        Thread stdinWatcher = new Thread(PlainApp::waitForEndOfInput, "plain-app-stdin");
        stdinWatcher.setDaemon(true);
        stdinWatcher.start();

        System.out.println("plain-app ready");
        System.out.flush();
        if (logWithJul) {
            java.util.logging.Logger.getLogger("plain-app");
        }

        if (exitAfterMs < 0) {
            stdinWatcher.join();
        } else if (exitAfterMs > 0) {
            stdinWatcher.join(exitAfterMs); // join(0) would wait forever
        }
        // Returning (rather than System.exit) lets the JVM end only when no non-daemon thread
        // is left: an agent thread that kept the application alive would show here.
        System.out.println("plain-app exiting");
        System.out.flush();
    }

    private static void waitForEndOfInput() {
        InputStream in = System.in;
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // Input is ignored; only its end matters.
            }
        } catch (IOException e) {
            // A broken stdin means the parent is gone: exit as on end of input.
        }
    }
}
