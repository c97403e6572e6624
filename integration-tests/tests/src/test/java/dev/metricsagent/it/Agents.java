package dev.metricsagent.it;

import java.nio.file.Path;

/** Agent argument strings, for {@link ChildJvm.Builder#agent(String)}. */
public final class Agents {

    private Agents() {
    }

    /** The argument that points the agent at a YAML configuration file. */
    public static String config(Path yaml) {
        return "config=" + yaml.toAbsolutePath();
    }
}
