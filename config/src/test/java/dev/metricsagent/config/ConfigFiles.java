package dev.metricsagent.config;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Writes YAML to a temporary agent.yaml and loads it, so that tests show just the YAML and the outcome. */
final class ConfigFiles {

  private final Path directory;

  ConfigFiles(Path directory) {
    this.directory = directory;
  }

  /** Writes agent.yaml and returns its absolute path. */
  Path write(String yaml) {
    return write("agent.yaml", yaml);
  }

  Path write(String fileName, String yaml) {
    try {
      Path file = directory.resolve(fileName).toAbsolutePath();
      Files.writeString(file, yaml);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  AgentConfig load(String yaml) throws ConfigException {
    return ConfigLoader.loadFile(write(yaml));
  }

  /** The problems of an invalid file, each as "agent.yaml:line:column: key.path: message". */
  List<String> problems(String yaml) {
    Path file = write(yaml);
    ConfigException error = assertThrows(ConfigException.class, () -> ConfigLoader.loadFile(file));
    return relative(error);
  }

  /** The problem lines of an exception, with this directory left out of file locations. */
  List<String> relative(ConfigException error) {
    String prefix = directory.toAbsolutePath() + "/";
    return error.problems().stream().map(problem -> problem.toString().replace(prefix, "")).collect(Collectors.toList());
  }

  Path directory() {
    return directory;
  }
}
