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
     * Every class was matched on the agent's own class descriptions and rewritten by its own
     * weaver: Byte Buddy's descriptions and Advice, which take a first start hundreds of classes
     * more to load, never were (docs/performance.md, Startup). Only its shaded ASM is used.
     */
    public static void assertMatchedAndWovenWithoutByteBuddy(Path file) throws IOException {
        List<String> byteBuddyClasses = Files.readAllLines(file).stream()
                .filter(line -> line.contains(" net.bytebuddy.asm.Advice ")
                        || line.contains(" net.bytebuddy.description.")
                        || line.contains(" net.bytebuddy.pool.TypePool$Default"))
                .collect(Collectors.toList());
        assertEquals(List.of(), byteBuddyClasses,
                "Byte Buddy described or wove a class: the agent's matchers or weaver declined it");
    }
}
