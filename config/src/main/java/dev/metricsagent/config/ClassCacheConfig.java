package dev.metricsagent.config;

import java.nio.file.Path;

/** Where the agent keeps rewritten classes between starts. */
public final class ClassCacheConfig {

  private final boolean enabled;
  private final Path directory;

  ClassCacheConfig(boolean enabled, Path directory) {
    this.enabled = enabled;
    this.directory = directory;
  }

  /** {@code class_cache.enabled}, default true. */
  public boolean enabled() {
    return enabled;
  }

  /**
   * {@code class_cache.directory}, absolute; null when not set, for the default: {@code
   * metrics-agent-<user>} in the JVM's temporary directory.
   */
  public Path directory() {
    return directory;
  }

  @Override
  public String toString() {
    return "class_cache{enabled=" + enabled + ", directory=" + (directory == null ? "default" : directory) + "}";
  }
}
