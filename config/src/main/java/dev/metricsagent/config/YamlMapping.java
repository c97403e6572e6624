package dev.metricsagent.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A YAML mapping whose keys have been checked: every key a plain name, none given twice, none
 * unknown. Entries with such problems are reported and left out.
 */
final class YamlMapping {

  private final String path;
  private final MappingNode node;
  private final Map<String, NodeTuple> entries;

  private YamlMapping(String path, MappingNode node, Map<String, NodeTuple> entries) {
    this.path = path;
    this.node = node;
    this.entries = entries;
  }

  /**
   * Checks the keys of a mapping node.
   *
   * @param validKeys the keys allowed here, in the order messages list them; null for any name
   */
  static YamlMapping check(YamlNodes nodes, MappingNode node, String path, List<String> validKeys) {
    Map<String, NodeTuple> entries = new LinkedHashMap<>();
    for (NodeTuple entry : node.getValue()) {
      Node keyNode = entry.getKeyNode();
      if (keyNode.getNodeId() != NodeId.scalar) {
        nodes.problem(keyNode, path, "expected a key name, got " + Found.describe(keyNode));
        continue;
      }
      String key = ((ScalarNode) keyNode).getValue();
      String keyPath = join(path, key);
      NodeTuple first = entries.get(key);
      if (first != null) {
        nodes.problem(keyNode, keyPath, "duplicate key " + Found.quoted(key) + " (first given at line "
            + (first.getKeyNode().getStartMark().getLine() + 1) + ", column "
            + (first.getKeyNode().getStartMark().getColumn() + 1) + "); give each key once");
        continue;
      }
      if (validKeys != null && !validKeys.contains(key)) {
        nodes.problem(keyNode, keyPath, Suggestions.unknown("key", key, validKeys, "Valid keys here: " + String.join(", ", validKeys)));
        continue;
      }
      entries.put(key, entry);
    }
    return new YamlMapping(path, node, entries);
  }

  /** The key path of this mapping: {@code server}, {@code rules[0]}; empty at the top level. */
  String path() {
    return path;
  }

  /** The key path of an entry: {@code server.port}. */
  String pathOf(String key) {
    return join(path, key);
  }

  MappingNode node() {
    return node;
  }

  boolean has(String key) {
    return entries.containsKey(key);
  }

  /** The value of a key, or null when absent. */
  Node value(String key) {
    NodeTuple entry = entries.get(key);
    return entry == null ? null : entry.getValueNode();
  }

  /** The key node of a key (where it was written), or null when absent. */
  Node keyNode(String key) {
    NodeTuple entry = entries.get(key);
    return entry == null ? null : entry.getKeyNode();
  }

  /** The keys, in file order. */
  Set<String> keys() {
    return Collections.unmodifiableSet(entries.keySet());
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
