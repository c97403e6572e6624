package dev.metricsagent.config;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * How one kind of scalar value is read, from override text and from YAML, with the same wording
 * for its errors in both places.
 */
abstract class ValueType<T> {

  private final String expected;

  ValueType(String expected) {
    this.expected = expected;
  }

  /** The "expected ..." part of an error, such as {@code an integer from 0 to 65535}. */
  final String expected() {
    return expected;
  }

  /** Reads an override value (agent argument, system property, environment), already trimmed. */
  abstract T fromText(String text) throws InvalidValue;

  /**
   * Reads a YAML scalar. {@code yamlValue} is what YAML itself made of it (a Boolean, Integer,
   * Double, String...): types that care about YAML's own typing override this; the others read
   * the scalar's text.
   */
  T fromYaml(Object yamlValue, ScalarNode node) throws InvalidValue {
    return fromText(node.getValue());
  }

  final InvalidValue invalid(String text) {
    return InvalidValue.expected(expected, text);
  }

  final InvalidValue invalid(String text, String hint) {
    return InvalidValue.expected(expected, text, hint);
  }

  static boolean isQuoted(ScalarNode node) {
    DumperOptions.ScalarStyle style = node.getScalarStyle();
    return style == DumperOptions.ScalarStyle.DOUBLE_QUOTED || style == DumperOptions.ScalarStyle.SINGLE_QUOTED;
  }
}
