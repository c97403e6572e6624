package dev.metricsagent.config;

import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * A scalar setting: its dotted key (as in YAML, such as {@code server.port}), the type of its
 * value, and the draft field it sets. Scalar settings are the ones overrides may set.
 */
final class Setting<T> {

  static final String SYSTEM_PROPERTY_PREFIX = "metrics.agent.";
  static final String ENVIRONMENT_PREFIX = "METRICS_AGENT_";

  private final String key;
  private final ValueType<T> type;
  private final BiConsumer<ConfigDraft, T> target;

  Setting(String key, ValueType<T> type, BiConsumer<ConfigDraft, T> target) {
    this.key = key;
    this.type = type;
    this.target = target;
  }

  String key() {
    return key;
  }

  ValueType<T> type() {
    return type;
  }

  /** The key path of the mapping the setting sits in: {@code server} for {@code server.port}, empty at the top. */
  String parentPath() {
    int dot = key.lastIndexOf('.');
    return dot < 0 ? "" : key.substring(0, dot);
  }

  /** The setting's own key in its mapping: {@code port} for {@code server.port}. */
  String leafName() {
    return key.substring(key.lastIndexOf('.') + 1);
  }

  void apply(ConfigDraft draft, T value) {
    target.accept(draft, value);
  }

  /** Parses override text and applies it. */
  void applyText(ConfigDraft draft, String text) throws InvalidValue {
    apply(draft, type.fromText(text));
  }

  /** {@code metrics.agent.server.port} for {@code server.port}. */
  static String systemPropertyName(String key) {
    return SYSTEM_PROPERTY_PREFIX + key;
  }

  /** {@code METRICS_AGENT_SERVER_PORT} for {@code server.port}: upper case, '.' becomes '_'. */
  static String environmentName(String key) {
    return ENVIRONMENT_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_');
  }
}
