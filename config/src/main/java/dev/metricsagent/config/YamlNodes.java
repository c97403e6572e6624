package dev.metricsagent.config;

import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads typed values out of the YAML node tree of one file, reporting every problem with the
 * position of the node it concerns. Readers return null for a value with a problem and carry on,
 * so that one pass finds all problems.
 */
final class YamlNodes {

  private final String file;
  private final Problems problems;
  private final YamlScalars scalars = new YamlScalars();

  YamlNodes(String file, Problems problems) {
    this.file = file;
    this.problems = problems;
  }

  Location at(Node node) {
    return Location.inFile(file, node.getStartMark());
  }

  void problem(Node node, String keyPath, String message) {
    problems.add(at(node), keyPath, message);
  }

  /** The number of problems so far: readers compare it to tell whether a part was clean. */
  int problemCount() {
    return problems.count();
  }

  /**
   * A mapping with checked keys, or null (and a problem "expected {@code expected}, got ...")
   * when the node is not a mapping.
   */
  YamlMapping mapping(Node node, String keyPath, List<String> validKeys, String expected) {
    if (node.getNodeId() != NodeId.mapping) {
      problem(node, keyPath, "expected " + expected + ", got " + Found.describe(node)
          + (Found.isNull(node) && !keyPath.isEmpty() ? "; leave the key out to keep the defaults" : ""));
      return null;
    }
    return YamlMapping.check(this, (MappingNode) node, keyPath, validKeys);
  }

  /** A mapping with the given keys, described in errors as "a mapping with the keys a, b, c". */
  YamlMapping mapping(Node node, String keyPath, List<String> validKeys) {
    return mapping(node, keyPath, validKeys, "a mapping with the keys " + String.join(", ", validKeys));
  }

  /** The items of a list, or null (and a problem "expected {@code expected}, got ...") for anything else. */
  List<Node> list(Node node, String keyPath, String expected) {
    if (node.getNodeId() != NodeId.sequence) {
      problem(node, keyPath, "expected " + expected + ", got " + Found.describe(node)
          + (Found.isNull(node) ? "; write [] for none, or leave the key out" : ""));
      return null;
    }
    return ((SequenceNode) node).getValue();
  }

  /** For keys that take "a value or a list of them": the items of a list, or a scalar as a list of one. */
  List<Node> oneOrList(Node node, String keyPath, String expected) {
    if (node.getNodeId() == NodeId.scalar && !Found.isNull(node)) {
      return List.of(node);
    }
    return list(node, keyPath, expected);
  }

  /** A scalar read as {@code type}, or null with a problem. */
  <T> T value(Node node, String keyPath, ValueType<T> type) {
    if (node.getNodeId() != NodeId.scalar || Found.isNull(node)) {
      problem(node, keyPath, "expected " + type.expected() + ", got " + Found.describe(node));
      return null;
    }
    ScalarNode scalar = (ScalarNode) node;
    try {
      return type.fromYaml(scalars.valueOf(scalar), scalar);
    } catch (InvalidValue e) {
      problem(node, keyPath, e.getMessage());
      return null;
    }
  }

  /** What YAML itself makes of a scalar: Boolean, Integer, Long, BigInteger, Double, String, ... */
  Object yamlValue(ScalarNode node) {
    return scalars.valueOf(node);
  }

  /** The text of a non-null scalar, or null with a problem "expected {@code expected}, got ...". */
  String text(Node node, String keyPath, String expected) {
    if (node.getNodeId() != NodeId.scalar || Found.isNull(node)) {
      problem(node, keyPath, "expected " + expected + ", got " + Found.describe(node));
      return null;
    }
    return ((ScalarNode) node).getValue();
  }

  /** Applies every scalar setting present in this mapping (those whose parent path is the mapping's path). */
  void readSettings(YamlMapping mapping, ConfigDraft draft) {
    for (Setting<?> setting : Settings.in(mapping.path())) {
      if (mapping.has(setting.leafName())) {
        readSetting(setting, mapping.value(setting.leafName()), draft);
      }
    }
  }

  private <T> void readSetting(Setting<T> setting, Node node, ConfigDraft draft) {
    T value = value(node, setting.key(), setting.type());
    if (value != null) {
      setting.apply(draft, value);
    }
  }
}
