package dev.metricsagent.config;

import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** The "got ..." half of an error message: how to show the user what they wrote. */
final class Found {

  private static final int LONGEST_SHOWN = 80;

  private Found() {}

  /** {@code 'text'}, shortened when long and with control characters made visible. */
  static String quoted(String text) {
    StringBuilder shown = new StringBuilder("'");
    int end = Math.min(text.length(), LONGEST_SHOWN);
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        shown.append("\\n");
      } else if (c == '\t') {
        shown.append("\\t");
      } else if (Character.isISOControl(c)) {
        shown.append(String.format("\\u%04x", (int) c));
      } else {
        shown.append(c);
      }
    }
    if (end < text.length()) {
      shown.append("...");
    }
    return shown.append('\'').toString();
  }

  /** What a YAML node is, as the end of "got ...": {@code 'abc'}, {@code null}, {@code a list}. */
  static String describe(Node node) {
    if (node.getNodeId() == NodeId.mapping) {
      return "a mapping";
    }
    if (node.getNodeId() == NodeId.sequence) {
      return "a list";
    }
    if (isNull(node)) {
      return "null";
    }
    return quoted(((ScalarNode) node).getValue());
  }

  static boolean isNull(Node node) {
    return node.getNodeId() == NodeId.scalar && node.getTag().equals(Tag.NULL);
  }
}
