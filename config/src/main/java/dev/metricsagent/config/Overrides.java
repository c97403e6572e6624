package dev.metricsagent.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The settings given outside the YAML file: environment variables {@code METRICS_AGENT_<KEY>},
 * system properties {@code metrics.agent.<key>} and agent arguments {@code key=value,...}, in
 * rising precedence. Names are checked here; values are checked when applied.
 */
final class Overrides {

  /** One value given for a key, and where. */
  static final class Value {
    final String text;
    final Location location;

    Value(String text, Location location) {
      this.text = text;
      this.location = location;
    }
  }

  /** Canonical key to its values, lowest precedence first. */
  private final Map<String, List<Value>> byKey = new LinkedHashMap<>();
  private final Problems problems;

  private Overrides(Problems problems) {
    this.problems = problems;
  }

  static Overrides collect(String agentArguments, Map<String, String> systemProperties,
      Map<String, String> environment, Problems problems) {
    Overrides overrides = new Overrides(problems);
    overrides.readEnvironment(environment);
    overrides.readSystemProperties(systemProperties);
    overrides.readAgentArguments(agentArguments);
    return overrides;
  }

  /** The value that wins for a key (the one of highest precedence), or null when none was given. */
  Value winner(String key) {
    List<Value> values = byKey.get(key);
    return values == null ? null : values.get(values.size() - 1);
  }

  /**
   * Applies every scalar override to the draft, lowest precedence first so that the highest wins.
   * Every value is checked, also those that lose: a wrong value is a mistake wherever it is.
   */
  void applyTo(ConfigDraft draft) {
    for (Setting<?> setting : Settings.SCALARS) {
      for (Value value : byKey.getOrDefault(setting.key(), List.of())) {
        try {
          setting.applyText(draft, value.text);
        } catch (InvalidValue e) {
          problems.add(value.location, setting.key(), e.getMessage());
        }
      }
    }
  }

  private void readEnvironment(Map<String, String> environment) {
    // Environment names cannot tell "JVM_METRICS" (one key) from "JVM.METRICS" (a path), so known
    // keys are mapped to their environment names and looked up, never the other way round.
    Map<String, String> keyByName = new LinkedHashMap<>();
    for (String name : Settings.overrideNames()) {
      keyByName.put(Setting.environmentName(name), Settings.canonicalKey(name));
    }
    Map<String, Value> givenByKey = new LinkedHashMap<>();
    int position = 0;
    for (Map.Entry<String, String> variable : new TreeMap<>(environment).entrySet()) {
      String name = variable.getKey();
      if (!name.startsWith(Setting.ENVIRONMENT_PREFIX)) {
        continue;
      }
      Location location = Location.environment(name, position++);
      String key = keyByName.get(name);
      if (key == null) {
        problems.add(location, "", Suggestions.unknown("environment variable", name, keyByName.keySet(),
            "Valid: " + Setting.ENVIRONMENT_PREFIX + " followed by one of " + environmentSuffixes()));
        continue;
      }
      add(key, variable.getValue(), location, givenByKey);
    }
  }

  private void readSystemProperties(Map<String, String> systemProperties) {
    List<String> validNames = new ArrayList<>();
    for (String name : Settings.overrideNames()) {
      validNames.add(Setting.systemPropertyName(name));
    }
    Map<String, Value> givenByKey = new LinkedHashMap<>();
    int position = 0;
    for (Map.Entry<String, String> property : new TreeMap<>(systemProperties).entrySet()) {
      String name = property.getKey();
      if (!name.startsWith(Setting.SYSTEM_PROPERTY_PREFIX)) {
        continue;
      }
      Location location = Location.systemProperty(name, position++);
      String key = Settings.canonicalKey(name.substring(Setting.SYSTEM_PROPERTY_PREFIX.length()));
      if (key == null) {
        problems.add(location, "", Suggestions.unknown("system property", name, validNames,
            "Valid: " + Setting.SYSTEM_PROPERTY_PREFIX + " followed by one of "
                + String.join(", ", Settings.overrideNames())));
        continue;
      }
      add(key, property.getValue(), location, givenByKey);
    }
  }

  private void readAgentArguments(String agentArguments) {
    if (agentArguments == null) {
      return;
    }
    Map<String, Value> givenByKey = new LinkedHashMap<>();
    String[] items = agentArguments.split(",", -1);
    for (int position = 0; position < items.length; position++) {
      String argument = items[position].trim();
      if (argument.isEmpty()) {
        continue; // "port=1," or ",,": an empty item says nothing
      }
      int equals = argument.indexOf('=');
      if (equals <= 0) {
        problems.add(Location.agentArgument(argument, position), "", "expected key=value such as port=9464, got "
            + Found.quoted(argument) + (equals == 0 ? ": the key is missing" : ""));
        continue;
      }
      String name = argument.substring(0, equals).trim();
      Location location = Location.agentArgument(name, position);
      String key = Settings.canonicalKey(name);
      if (key == null) {
        problems.add(location, "", Suggestions.unknown("key", name, Settings.overrideNames(),
            "Valid keys: " + String.join(", ", Settings.overrideNames())));
        continue;
      }
      add(key, argument.substring(equals + 1).trim(), location, givenByKey);
    }
  }

  /** Records a value; a key given twice by the same source (say as port and server.port) is a problem. */
  private void add(String key, String text, Location location, Map<String, Value> givenBySameSource) {
    Value earlier = givenBySameSource.get(key);
    if (earlier != null) {
      problems.add(location, key, "set twice, also by " + earlier.location + "; set it once");
      return;
    }
    Value value = new Value(text == null ? "" : text.trim(), location);
    givenBySameSource.put(key, value);
    byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
  }

  private static String environmentSuffixes() {
    List<String> suffixes = new ArrayList<>();
    for (String name : Settings.overrideNames()) {
      suffixes.add(name.toUpperCase(Locale.ROOT).replace('.', '_'));
    }
    return String.join(", ", suffixes);
  }
}
