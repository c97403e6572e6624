package dev.metricsagent.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One test application running in its own JVM, optionally with the agent.
 *
 * <pre>{@code
 * try (ChildJvm app = ChildJvm.app("plain-app")
 *         .agent("port=0")
 *         .start()) {
 *     app.awaitStdout("plain-app ready");
 *     Scrape scrape = Scrape.fetch(app.metricsUrl());
 * }
 * }</pre>
 *
 * <p>The main class is the app jar's Main-Class unless {@link Builder#mainClass} says
 * otherwise. The application's classpath is {@code <it.apps.dir>/<name>/target/<name>.jar} followed
 * by every jar in {@code target/lib/}: the app module builds both. Its output is kept in
 * memory (see {@link #stdout()}, {@link #stderr()}) and echoed to the test log, each line
 * prefixed with {@code [<name> out]} or {@code [<name> err]}. Standard input stays open
 * until {@link #closeStdin()} or {@link #close()}: the apps exit when it closes, so a test
 * JVM that dies leaves no orphan behind.
 */
public final class ChildJvm implements AutoCloseable {

    /** How long the await methods wait when not told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /**
     * The one line the agent prints on stderr when it serves metrics, e.g.
     * {@code metrics-agent 0.1.0-SNAPSHOT: serving http://0.0.0.0:41234/metrics; instrumentations: servlet, jdbc; rules: 0; started in 87 ms}.
     * Group 1: version, group 2: the URL.
     */
    public static final Pattern AGENT_STARTUP_LINE =
            Pattern.compile("^metrics-agent (\\S+): serving ([^;,\\s]+)[;,].*$", Pattern.MULTILINE);

    /** The last word of an agent's start: it serves, or it says why not. */
    private static final Pattern AGENT_OUTCOME = Pattern.compile("^metrics-agent(?: \\S+: (?:serving [^;,\\s]+[;,]"
            + "|not serving|metrics server disabled)|: failed to start|: invalid configuration)");

    private final String name;
    private final List<String> command;
    private final Process process;
    private final OutputBuffer stdout;
    private final OutputBuffer stderr;
    private final Thread stdoutPump;
    private final Thread stderrPump;

    private ChildJvm(String name, List<String> command, Process process) {
        this.name = name;
        this.command = List.copyOf(command);
        this.process = process;
        this.stdout = new OutputBuffer();
        this.stderr = new OutputBuffer();
        this.stdoutPump = pump(process.getInputStream(), stdout, "[" + name + " out] ");
        this.stderrPump = pump(process.getErrorStream(), stderr, "[" + name + " err] ");
    }

    /** A builder for the app module {@code apps/<name>}. */
    public static Builder app(String name) {
        return new Builder(name);
    }

    /** The agent jar the tests run, from the system property {@code metrics.agent.jar}. */
    public static Path agentJar() {
        Path jar = Paths.get(requiredProperty("metrics.agent.jar")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The agent jar " + jar + " does not exist. Build it first:"
                    + " mvn -B -DskipTests install -pl bootstrap,config,instrumentation,agent -am");
        }
        return jar;
    }

    /** The version the agent under test should report, from the system property {@code metrics.agent.version}. */
    public static String agentVersion() {
        return requiredProperty("metrics.agent.version");
    }

    /** The folder that holds the app modules, from the system property {@code it.apps.dir}. */
    public static Path appsDir() {
        return Paths.get(requiredProperty("it.apps.dir")).toAbsolutePath().normalize();
    }

    private static String requiredProperty(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + key + " is not set;"
                    + " run the integration tests through Maven (integration-tests/tests/pom.xml sets it).");
        }
        return value;
    }

    // ---------------------------------------------------------------- output

    /** Everything the application wrote on stdout so far. */
    public String stdout() {
        return stdout.text();
    }

    /** Everything the application wrote on stderr so far. */
    public String stderr() {
        return stderr.text();
    }

    /** The lines written on stdout so far. */
    public List<String> stdoutLines() {
        return stdout.lines();
    }

    /** The lines written on stderr so far. */
    public List<String> stderrLines() {
        return stderr.lines();
    }

    /** Waits for a line on stdout or stderr that the regex finds something in. */
    public MatchResult awaitOutput(String regex, Duration timeout) {
        return await(Pattern.compile(regex), timeout, stdout, stderr);
    }

    /** {@link #awaitOutput(String, Duration)} with {@link #DEFAULT_TIMEOUT}. */
    public MatchResult awaitOutput(String regex) {
        return awaitOutput(regex, DEFAULT_TIMEOUT);
    }

    /** Waits for a line on stdout that the regex finds something in. */
    public MatchResult awaitStdout(String regex, Duration timeout) {
        return await(Pattern.compile(regex), timeout, stdout);
    }

    /** {@link #awaitStdout(String, Duration)} with {@link #DEFAULT_TIMEOUT}. */
    public MatchResult awaitStdout(String regex) {
        return awaitStdout(regex, DEFAULT_TIMEOUT);
    }

    /** Waits for a line on stderr that the regex finds something in. */
    public MatchResult awaitStderr(String regex, Duration timeout) {
        return await(Pattern.compile(regex), timeout, stderr);
    }

    /** {@link #awaitStderr(String, Duration)} with {@link #DEFAULT_TIMEOUT}. */
    public MatchResult awaitStderr(String regex) {
        return awaitStderr(regex, DEFAULT_TIMEOUT);
    }

    /** Waits for a line on stderr that the pattern finds something in. */
    public MatchResult awaitStderr(Pattern pattern, Duration timeout) {
        return await(pattern, timeout, stderr);
    }

    /** Waits for a line on stdout that the pattern finds something in. */
    public MatchResult awaitStdout(Pattern pattern, Duration timeout) {
        return await(pattern, timeout, stdout);
    }

    private MatchResult await(Pattern pattern, Duration timeout, OutputBuffer... buffers) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean allClosed = true;
            for (OutputBuffer buffer : buffers) {
                // Read "closed" before searching: a line added before the close is then seen.
                boolean closed = buffer.isClosed();
                MatchResult match = buffer.find(pattern);
                if (match != null) {
                    return match;
                }
                allClosed &= closed;
            }
            if (allClosed) {
                throw new AssertionError(describe("the output ended (the JVM exited"
                        + exitCodeSuffix() + ") before a line matching /" + pattern + "/ appeared"));
            }
            long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (remainingMs <= 0) {
                throw new AssertionError(describe("no line matching /" + pattern + "/ within " + timeout));
            }
            buffers[0].awaitChange(Math.min(remainingMs, 100));
        }
    }

    // ---------------------------------------------------------------- the agent

    /**
     * The agent's startup line, awaited on stderr. Fails if the JVM exits or the agent
     * reports nothing within {@link #DEFAULT_TIMEOUT}.
     */
    public MatchResult awaitAgentStartup() {
        MatchResult outcome = awaitStderr(AGENT_OUTCOME, DEFAULT_TIMEOUT);
        if (!outcome.group().contains(": serving ")) {
            // Stop at once: the agent said it will not serve, no need to wait for the timeout.
            throw new AssertionError(describe("the agent does not serve metrics: " + outcome.group()));
        }
        return awaitStderr(AGENT_STARTUP_LINE, DEFAULT_TIMEOUT);
    }

    /**
     * The URL the agent serves metrics on, as its startup line says, with a wildcard host
     * (0.0.0.0, ::) replaced by 127.0.0.1 so that it can be connected to.
     */
    public URI metricsUrl() {
        URI announced = URI.create(awaitAgentStartup().group(2));
        String host = announced.getHost();
        if (host == null || host.equals("0.0.0.0") || host.equals("[::]") || host.equals("::")) {
            host = "127.0.0.1";
        }
        return URI.create(announced.getScheme() + "://" + host + ":" + announced.getPort()
                + (announced.getRawPath() == null ? "" : announced.getRawPath()));
    }

    /** The agent's HTTP server root with the given path, e.g. {@code agentUrl("/-/healthy")}. */
    public URI agentUrl(String path) {
        return metricsUrl().resolve(path);
    }

    /** The port the agent serves on, as its startup line says. */
    public int metricsPort() {
        return metricsUrl().getPort();
    }

    // ---------------------------------------------------------------- process

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** The command line this JVM was started with. */
    public List<String> command() {
        return command;
    }

    /** Writes one line to the application's standard input (for apps that read commands there). */
    public void sendLine(String line) {
        try {
            process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(describe("could not write to standard input"), e);
        }
    }

    /** Closes the application's standard input: the test apps exit on it. */
    public void closeStdin() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // Already closed, or the process is gone: either way nothing more will be read.
        }
    }

    /** Waits for the JVM to exit and returns its exit code; fails if it is still running after the timeout. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(describe("the JVM did not exit within " + timeout));
            }
            // Let the pumps drain what was written just before the exit.
            stdoutPump.join(10_000);
            stderrPump.join(10_000);
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + name + " to exit", e);
        }
    }

    /** {@link #awaitExit(Duration)} with {@link #DEFAULT_TIMEOUT}. */
    public int awaitExit() {
        return awaitExit(DEFAULT_TIMEOUT);
    }

    /** The exit code; fails if the JVM is still running. */
    public int exitCode() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") is still running");
        }
        return process.exitValue();
    }

    /** Kills the JVM and every process it started, and waits for them to be gone. */
    @Override
    public void close() {
        closeStdin();
        List<ProcessHandle> tree = new ArrayList<>();
        process.descendants().forEach(tree::add);
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            stdoutPump.join(5_000);
            stderrPump.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A message with the command line and all output so far, for assertion failures. */
    public String describe(String problem) {
        return name + ": " + problem + "\n"
                + "command: " + String.join(" ", command) + "\n"
                + "---- stdout ----\n" + stdout() + "---- stderr ----\n" + stderr() + "----------------";
    }

    private String exitCodeSuffix() {
        try {
            if (process.waitFor(5, TimeUnit.SECONDS)) {
                return " with code " + process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "";
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }

    private static Thread pump(InputStream in, OutputBuffer buffer, String echoPrefix) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    buffer.add(line);
                    System.out.println(echoPrefix + line);
                }
            } catch (IOException e) {
                // The stream breaks when the process is killed: the output simply ends.
            } finally {
                buffer.close();
            }
        }, "child-jvm-pump " + echoPrefix.trim());
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Lines of one output stream, in order, with waiting for new ones. */
    private static final class OutputBuffer {
        private final List<String> lines = new ArrayList<>();
        private boolean closed;

        synchronized void add(String line) {
            lines.add(line);
            notifyAll();
        }

        synchronized void close() {
            closed = true;
            notifyAll();
        }

        synchronized boolean isClosed() {
            return closed;
        }

        synchronized List<String> lines() {
            return List.copyOf(lines);
        }

        synchronized String text() {
            StringBuilder text = new StringBuilder();
            lines.forEach(line -> text.append(line).append('\n'));
            return text.toString();
        }

        synchronized MatchResult find(Pattern pattern) {
            for (String line : lines) {
                Matcher matcher = pattern.matcher(line);
                if (matcher.find()) {
                    return matcher.toMatchResult();
                }
            }
            return null;
        }

        synchronized void awaitChange(long timeoutMs) {
            try {
                wait(timeoutMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for output", e);
            }
        }
    }

    /** What to launch; {@link #start()} launches it. */
    public static final class Builder {
        private final String name;
        private String mainClass;
        private final List<String> args = new ArrayList<>();
        private final List<String> jvmArgs = new ArrayList<>();
        private final List<Path> extraClasspath = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<String> removedEnvironment = new ArrayList<>();
        private Path workingDirectory;
        private boolean agent;
        private String agentArgs;
        private Path agentJar;
        private Path javaHome;
        private Path executableJar;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name);
        }

        /** The class whose main method runs (default: the Main-Class of the app jar's manifest). */
        public Builder mainClass(String mainClass) {
            this.mainClass = mainClass;
            return this;
        }

        /**
         * Runs {@code java -jar <jar>} instead of the app's class path and main class: a Spring Boot
         * executable jar, say.
         */
        public Builder executableJar(Path jar) {
            this.executableJar = jar;
            return this;
        }

        /** Program arguments, appended. */
        public Builder args(String... args) {
            this.args.addAll(Arrays.asList(args));
            return this;
        }

        /** JVM options (before the main class), appended, e.g. {@code -Dkey=value}. */
        public Builder jvmArgs(String... jvmArgs) {
            this.jvmArgs.addAll(Arrays.asList(jvmArgs));
            return this;
        }

        /** Adds a folder or jar after the app's own classpath. */
        public Builder classpath(Path entry) {
            this.extraClasspath.add(entry);
            return this;
        }

        /** Sets an environment variable of the child (it otherwise inherits the test JVM's). */
        public Builder env(String key, String value) {
            this.environment.put(key, value);
            return this;
        }

        /** Removes an inherited environment variable from the child. */
        public Builder withoutEnv(String key) {
            this.removedEnvironment.add(key);
            this.environment.remove(key);
            return this;
        }

        /** The child's working directory (default: the app module's folder). */
        public Builder workingDirectory(Path directory) {
            this.workingDirectory = directory;
            return this;
        }

        /** Runs with {@code -javaagent:<agent jar>=<args>}; null or empty args: no {@code =}. */
        public Builder agent(String args) {
            this.agent = true;
            this.agentArgs = args;
            return this;
        }

        /** Runs with the agent, without arguments. */
        public Builder agent() {
            return agent(null);
        }

        /** Runs with a different agent jar than {@link ChildJvm#agentJar()}. */
        public Builder agentJar(Path jar) {
            this.agentJar = jar;
            return this;
        }

        /** Runs without the agent (the default). */
        public Builder withoutAgent() {
            this.agent = false;
            this.agentArgs = null;
            return this;
        }

        /** The JDK to run on (default: the one running the tests). */
        public Builder jdk(Jdks.Jdk jdk) {
            return javaHome(jdk.home());
        }

        /** The JDK to run on, by its home folder. */
        public Builder javaHome(Path javaHome) {
            this.javaHome = javaHome;
            return this;
        }

        /** The command line {@link #start()} would run. */
        public List<String> command() {
            Path home = javaHome != null ? javaHome : Jdks.current().home();
            List<String> command = new ArrayList<>();
            command.add(home.resolve("bin").resolve("java").toString());
            if (agent) {
                Path jar = agentJar != null ? agentJar : ChildJvm.agentJar();
                command.add("-javaagent:" + jar + (agentArgs == null || agentArgs.isEmpty() ? "" : "=" + agentArgs));
            }
            command.addAll(jvmArgs);
            if (executableJar != null) {
                command.add("-jar");
                command.add(executableJar.toString());
            } else {
                command.add("-cp");
                command.add(classpath());
                command.add(mainClass != null ? mainClass : manifestMainClass());
            }
            command.addAll(args);
            return command;
        }

        private String classpath() {
            Path target = appDirectory().resolve("target");
            Path appJar = target.resolve(name + ".jar");
            if (!Files.isRegularFile(appJar)) {
                throw new IllegalStateException("The app jar " + appJar + " does not exist. Build the apps first:"
                        + " mvn -B -f integration-tests/pom.xml package -DskipTests");
            }
            List<Path> entries = new ArrayList<>();
            entries.add(appJar);
            Path lib = target.resolve("lib");
            if (Files.isDirectory(lib)) {
                try (Stream<Path> jars = Files.list(lib)) {
                    jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(entries::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            entries.addAll(extraClasspath);
            return entries.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
        }

        private String manifestMainClass() {
            Path appJar = appDirectory().resolve("target").resolve(name + ".jar");
            try (JarFile jar = new JarFile(appJar.toFile())) {
                Manifest manifest = jar.getManifest();
                String mainClass = manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
                if (mainClass == null || mainClass.isBlank()) {
                    throw new IllegalStateException(appJar + " names no Main-Class: call mainClass(...)");
                }
                return mainClass;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + appJar, e);
            }
        }

        private Path appDirectory() {
            return appsDir().resolve(name);
        }

        /** Launches the JVM. Close the returned object (try-with-resources) to kill it. */
        public ChildJvm start() {
            List<String> command = command();
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory((workingDirectory != null ? workingDirectory : appDirectory()).toFile());
            removedEnvironment.forEach(builder.environment()::remove);
            builder.environment().putAll(environment);
            System.out.println("[" + name + "] starting: " + String.join(" ", command));
            try {
                return new ChildJvm(name, command, builder.start());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", command), e);
            }
        }
    }
}
