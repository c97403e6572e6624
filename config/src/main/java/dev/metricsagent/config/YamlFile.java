package dev.metricsagent.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the YAML file into a node tree that keeps line and column of every value. Read and
 * syntax errors become problems; the caller gets null then, as for an empty file.
 */
final class YamlFile {

  private YamlFile() {}

  /**
   * The root node of the file, or null when the file is empty, cannot be read or is not YAML.
   *
   * @param file absolute path
   * @param origin where the file was named (an override), or null when the caller named it directly
   */
  static Node read(Path file, Location origin, Problems problems) {
    String text = readText(file, origin, problems);
    if (text == null) {
      return null;
    }
    try {
      // compose, not load: the node tree keeps the marks that make "file:line:column" possible.
      return new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      Location location = mark != null ? Location.inFile(file.toString(), mark) : Location.file(file.toString());
      problems.add(location, "", syntaxMessage(e));
    } catch (YAMLException e) {
      problems.add(Location.file(file.toString()), "", "invalid YAML: " + oneLine(e.getMessage()));
    }
    return null;
  }

  private static String readText(Path file, Location origin, Problems problems) {
    String reason;
    try {
      if (Files.isDirectory(file)) {
        reason = "it is a directory";
      } else {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text; // editors on Windows like to add a BOM
      }
    } catch (NoSuchFileException e) {
      reason = "it does not exist";
    } catch (AccessDeniedException e) {
      reason = "permission denied";
    } catch (CharacterCodingException e) {
      reason = "it is not UTF-8 text";
    } catch (IOException e) {
      reason = oneLine(String.valueOf(e.getMessage()));
    }
    if (origin == null) {
      problems.add(Location.file(file.toString()), "", "cannot read the configuration file: " + reason);
    } else {
      problems.add(origin, Settings.CONFIG, "cannot read the configuration file " + file + ": " + reason);
    }
    return null;
  }

  /**
   * SnakeYAML's problem, with its context and where that context started, on one line:
   * "invalid YAML: could not find expected ':' (while scanning a simple key that started at line 3, column 1)".
   */
  private static String syntaxMessage(MarkedYAMLException e) {
    StringBuilder message = new StringBuilder("invalid YAML: ");
    String problem = e.getProblem() == null ? "" : oneLine(e.getProblem());
    if (problem.contains("\\t(TAB)")) {
      message.append("a tab character where YAML expects spaces; YAML indents with spaces only");
    } else {
      message.append(problem);
    }
    if (e.getContext() != null) {
      message.append(" (").append(oneLine(e.getContext()));
      Mark context = e.getContextMark();
      if (context != null) {
        message.append(" that started at line ").append(context.getLine() + 1)
            .append(", column ").append(context.getColumn() + 1);
      }
      message.append(')');
    }
    String hint = hintFor(problem, e.getContext() == null ? "" : e.getContext());
    if (hint != null) {
      message.append("; ").append(hint);
    }
    return message.toString();
  }

  /** SnakeYAML words its problems for YAML experts; these say what usually causes them. */
  private static String hintFor(String problem, String context) {
    if (problem.startsWith("expected <block end>")) {
      return "check the indentation: this line does not line up with the keys above it";
    }
    if (problem.startsWith("mapping values are not allowed here")) {
      return "a value that contains ': ' needs quotes, or the indentation is off";
    }
    if (problem.startsWith("could not find expected ':'")) {
      return "each key needs a ':' after it";
    }
    if (problem.startsWith("but found another document")) {
      return "the file holds more than one YAML document ('---' between them); the agent reads one";
    }
    if (problem.startsWith("found undefined alias") || context.contains("scanning an alias")) {
      return "'*' starts an alias in YAML; quote values that start with '*', such as \"*.github.com\"";
    }
    return null;
  }

  private static String oneLine(String text) {
    return text.trim().replaceAll("\\s+", " ");
  }
}
