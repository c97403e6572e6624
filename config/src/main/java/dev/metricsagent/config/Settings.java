package dev.metricsagent.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue of keys that overrides may set: {@code config} (the YAML file), every scalar
 * setting of the YAML schema, and the short aliases {@code port}, {@code host} and {@code path}.
 */
final class Settings {

  /** The key naming the YAML file; it exists only as an override. */
  static final String CONFIG = "config";

  static final List<Setting<?>> SCALARS = List.of(
      new Setting<>("fail_fast", ValueTypes.BOOLEAN, (draft, value) -> draft.failFast = value),
      new Setting<>("cardinality_limit", ValueTypes.integer(1, 1_000_000),
          (draft, value) -> draft.cardinalityLimit = value),
      new Setting<>("server.enabled", ValueTypes.BOOLEAN, (draft, value) -> draft.serverEnabled = value),
      new Setting<>("server.host", ValueTypes.LISTEN_HOST, (draft, value) -> draft.serverHost = value),
      new Setting<>("server.port", ValueTypes.integer(0, 65535), (draft, value) -> draft.serverPort = value),
      new Setting<>("server.path", ValueTypes.URL_PATH, (draft, value) -> draft.serverPath = value),
      new Setting<>("jvm_metrics", ValueTypes.BOOLEAN, (draft, value) -> draft.jvmMetrics = value),
      new Setting<>("class_cache.enabled", ValueTypes.BOOLEAN, (draft, value) -> draft.classCacheEnabled = value),
      new Setting<>("class_cache.directory", ValueTypes.DIRECTORY_PATH,
          (draft, value) -> draft.classCacheDirectory = value),
      new Setting<>("histograms.native", ValueTypes.BOOLEAN, (draft, value) -> draft.nativeHistograms = value),
      new Setting<>("instrumentation.servlet.enabled", ValueTypes.BOOLEAN,
          (draft, value) -> draft.servletEnabled = value),
      new Setting<>("instrumentation.jdbc.enabled", ValueTypes.BOOLEAN, (draft, value) -> draft.jdbcEnabled = value),
      new Setting<>("instrumentation.http_client.enabled", ValueTypes.BOOLEAN,
          (draft, value) -> draft.httpClientEnabled = value),
      new Setting<>("instrumentation.messaging.enabled", ValueTypes.BOOLEAN,
          (draft, value) -> draft.messagingEnabled = value),
      new Setting<>("pushgateway.enabled", ValueTypes.BOOLEAN, (draft, value) -> draft.pushgatewayEnabled = value),
      new Setting<>("pushgateway.address", ValueTypes.HOST_AND_PORT,
          (draft, value) -> draft.pushgatewayAddress = value),
      new Setting<>("pushgateway.scheme", ValueTypes.SCHEME, (draft, value) -> draft.pushgatewayScheme = value),
      new Setting<>("pushgateway.job", ValueTypes.nonEmptyText("a job name such as metrics-agent"),
          (draft, value) -> draft.pushgatewayJob = value),
      new Setting<>("pushgateway.interval", ValueTypes.DURATION_ABOVE_ZERO,
          (draft, value) -> draft.pushgatewayInterval = value),
      new Setting<>("pushgateway.delete_on_shutdown", ValueTypes.BOOLEAN,
          (draft, value) -> draft.pushgatewayDeleteOnShutdown = value));

  /** Short names for the settings people override most. */
  static final Map<String, String> ALIASES = aliases();

  private static final Map<String, Setting<?>> BY_KEY = byKey();

  private Settings() {}

  /** The scalar setting with this dotted key, or null. */
  static Setting<?> scalar(String key) {
    return BY_KEY.get(key);
  }

  /** The scalar settings directly inside the mapping at this key path ("" for the top level). */
  static List<Setting<?>> in(String parentPath) {
    List<Setting<?>> found = new ArrayList<>();
    for (Setting<?> setting : SCALARS) {
      if (setting.parentPath().equals(parentPath)) {
        found.add(setting);
      }
    }
    return found;
  }

  /** The key an override name stands for ({@code port} becomes {@code server.port}); null when unknown. */
  static String canonicalKey(String name) {
    if (name.equals(CONFIG) || BY_KEY.containsKey(name)) {
      return name;
    }
    return ALIASES.get(name);
  }

  /** Every name an override may use, in the order error messages list them: config, the aliases, the keys. */
  static List<String> overrideNames() {
    List<String> names = new ArrayList<>();
    names.add(CONFIG);
    names.addAll(ALIASES.keySet());
    for (Setting<?> setting : SCALARS) {
      names.add(setting.key());
    }
    return names;
  }

  private static Map<String, String> aliases() {
    Map<String, String> aliases = new LinkedHashMap<>();
    aliases.put("port", "server.port");
    aliases.put("host", "server.host");
    aliases.put("path", "server.path");
    return Collections.unmodifiableMap(aliases);
  }

  private static Map<String, Setting<?>> byKey() {
    Map<String, Setting<?>> byKey = new LinkedHashMap<>();
    for (Setting<?> setting : SCALARS) {
      byKey.put(setting.key(), setting);
    }
    return byKey;
  }
}
