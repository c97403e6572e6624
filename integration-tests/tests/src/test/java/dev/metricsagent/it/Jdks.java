package dev.metricsagent.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The JDKs child JVMs run on: the one running the tests, and a JDK 25 (the newest the agent
 * supports). Run a test on each with
 * {@code @ParameterizedTest @MethodSource("dev.metricsagent.it.Jdks#all")} and a
 * {@link Jdk} parameter.
 *
 * <p>A missing JDK 25 fails {@link #all()} when the environment variable {@code CI} is
 * {@code true}; elsewhere it prints a warning and the tests run on the current JDK only.
 */
public final class Jdks {

    /** Where the JDK 25 is looked for: folders of /usr/lib/jvm whose name starts with this. */
    static final Path JVM_FOLDER = Paths.get("/usr/lib/jvm");
    static final String JDK_25_PREFIX = "temurin-25";

    private Jdks() {
    }

    /** A JDK: its home folder and its version. Its {@code toString} names the test case. */
    public static final class Jdk {
        private final Path home;
        private final String version;

        Jdk(Path home, String version) {
            this.home = home;
            this.version = version;
        }

        public Path home() {
            return home;
        }

        /** The full version, e.g. {@code 17.0.15}. */
        public String version() {
            return version;
        }

        /** The feature release, e.g. 17. */
        public int feature() {
            String first = version.split("[.+\\-]")[0];
            return Integer.parseInt(first);
        }

        @Override
        public String toString() {
            return "JDK " + version;
        }
    }

    /** The JDK running the tests. */
    public static Jdk current() {
        return new Jdk(Paths.get(System.getProperty("java.home")), Runtime.version().toString().split("\\+")[0]);
    }

    /** Every JDK a test should run on: the current one, then JDK 25. */
    public static Stream<Jdk> all() {
        Jdk current = current();
        List<Jdk> jdks = new ArrayList<>();
        jdks.add(current);
        Path jdk25 = findJdk25();
        if (jdk25 == null) {
            String message = "No JDK 25 found (" + JVM_FOLDER + "/" + JDK_25_PREFIX + "*): the tests run on "
                    + current + " only.";
            if (Ci.isCi()) {
                throw new IllegalStateException(message + " (CI=true, so this is an error)");
            }
            Ci.warn(message);
        } else if (!sameFile(jdk25, current.home())) {
            jdks.add(new Jdk(jdk25, releaseVersion(jdk25)));
        }
        return jdks.stream();
    }

    private static Path findJdk25() {
        if (!Files.isDirectory(JVM_FOLDER)) {
            return null;
        }
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(JVM_FOLDER, JDK_25_PREFIX + "*")) {
            for (Path candidate : candidates) {
                if (Files.isExecutable(candidate.resolve("bin").resolve("java"))) {
                    return candidate;
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // The "release" file of a JDK says JAVA_VERSION="25.0.1" without running it.
    private static String releaseVersion(Path home) {
        Properties release = new Properties();
        try (var in = Files.newInputStream(home.resolve("release"))) {
            release.load(in);
        } catch (IOException e) {
            return home.getFileName().toString();
        }
        return release.getProperty("JAVA_VERSION", home.getFileName().toString()).replace("\"", "");
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return a.toRealPath().equals(b.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }
}
