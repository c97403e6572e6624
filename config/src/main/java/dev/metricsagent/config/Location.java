package dev.metricsagent.config;

import org.yaml.snakeyaml.error.Mark;

/**
 * Where a setting was written, in the words an error message uses.
 *
 * <p>Locations also order the problems of one load the way a reader scans them: the YAML
 * file from top to bottom first, then agent arguments, system properties and environment.
 */
final class Location implements Comparable<Location> {

  private enum Origin { FILE, AGENT_ARGUMENT, SYSTEM_PROPERTY, ENVIRONMENT }

  private final Origin origin;
  private final int line;
  private final int column;
  private final String text;

  private Location(Origin origin, int line, int column, String text) {
    this.origin = origin;
    this.line = line;
    this.column = column;
    this.text = text;
  }

  /** A position in a YAML file; SnakeYAML marks count from 0, people count from 1. */
  static Location inFile(String file, Mark mark) {
    int line = mark.getLine() + 1;
    int column = mark.getColumn() + 1;
    return new Location(Origin.FILE, line, column, file + ":" + line + ":" + column);
  }

  /** The file as a whole, for problems that have no position (the file cannot be read). */
  static Location file(String file) {
    return new Location(Origin.FILE, 0, 0, file);
  }

  /** An agent argument; {@code position} (its index in the arguments) keeps problems in the order written. */
  static Location agentArgument(String key, int position) {
    return new Location(Origin.AGENT_ARGUMENT, position, 0, "agent argument '" + key + "'");
  }

  /** A system property; {@code position} orders problems (properties are read sorted by name). */
  static Location systemProperty(String name, int position) {
    return new Location(Origin.SYSTEM_PROPERTY, position, 0, "system property " + name);
  }

  /** An environment variable; {@code position} orders problems (variables are read sorted by name). */
  static Location environment(String name, int position) {
    return new Location(Origin.ENVIRONMENT, position, 0, "environment " + name);
  }

  @Override
  public int compareTo(Location other) {
    int byOrigin = origin.compareTo(other.origin);
    if (byOrigin != 0) {
      return byOrigin;
    }
    int byLine = Integer.compare(line, other.line);
    return byLine != 0 ? byLine : Integer.compare(column, other.column);
  }

  @Override
  public String toString() {
    return text;
  }
}
