package dev.metricsagent.config;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * What YAML itself makes of a scalar (Boolean, Integer, Double, String, ...), so that the
 * configuration follows YAML's typing rather than guessing from the text.
 */
final class YamlScalars extends SafeConstructor {

  YamlScalars() {
    super(new LoaderOptions());
  }

  /** The Java value of the scalar; its text when YAML cannot construct it (an unknown tag). */
  Object valueOf(ScalarNode node) {
    try {
      return constructObject(node);
    } catch (YAMLException e) {
      return node.getValue();
    }
  }
}
