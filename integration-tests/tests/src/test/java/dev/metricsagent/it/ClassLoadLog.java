package dev.metricsagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The JVM's class loading log of a child JVM, for what the agent must not have loaded. */
public final class ClassLoadLog {

    private ClassLoadLog() {}

    /** The JVM argument that writes the log to {@code file}. */
    public static String jvmArg(Path file) {
        return "-Xlog:class+load=info:file=" + file;
    }

    /**
     * Every class was rewritten by the agent's own weaver: Byte Buddy's Advice, which takes a first
     * start hundreds of classes more to load, never was (docs/performance.md, Startup).
     */
    public static void assertWovenWithoutByteBuddysAdvice(Path file) throws IOException {
        List<String> adviceClasses = Files.readAllLines(file).stream()
                .filter(line -> line.contains(" net.bytebuddy.asm.Advice "))
                .collect(Collectors.toList());
        assertEquals(List.of(), adviceClasses, "Byte Buddy's Advice wove a class the agent's weaver declined");
    }
}
