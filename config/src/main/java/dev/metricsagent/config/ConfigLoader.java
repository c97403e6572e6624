package dev.metricsagent.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Turns agent arguments, system properties, environment and the YAML file into one validated
 * {@link AgentConfig}, or a {@link ConfigException} listing every problem found.
 *
 * <p>Precedence, highest first: agent arguments, system properties ({@code metrics.agent.<key>}),
 * environment ({@code METRICS_AGENT_<KEY>}), the YAML file named by the {@code config} key,
 * defaults. See docs/configuration.md.
 */
public final class ConfigLoader {

  private ConfigLoader() {}

  /**
   * Loads the agent's configuration.
   *
   * @param agentArgs the text after '=' in {@code -javaagent:metrics-agent.jar=...}, such as
   *     {@code config=/etc/agent.yaml,port=9464}; may be null or empty
   * @param systemProperties the JVM's system properties (only {@code metrics.agent.*} are read); may be null
   * @param environment the process environment (only {@code METRICS_AGENT_*} is read); may be null
   */
  public static AgentConfig load(String agentArgs, Map<String, String> systemProperties,
      Map<String, String> environment) throws ConfigException {
    Problems problems = new Problems();
    Overrides overrides = Overrides.collect(agentArgs, orEmpty(systemProperties), orEmpty(environment), problems);
    ConfigDraft draft = new ConfigDraft(ConfigDraft.DEFAULTS_SOURCE);
    Overrides.Value config = overrides.winner(Settings.CONFIG);
    if (config != null) {
      try {
        Path file = ValueTypes.FILE_PATH.fromText(config.text);
        draft.source = file.toString();
        readYaml(file, config.location, draft, problems);
      } catch (InvalidValue e) {
        problems.add(config.location, Settings.CONFIG, e.getMessage());
      }
    }
    overrides.applyTo(draft);
    return finish(draft, problems);
  }

  /**
   * Loads the configuration as a start of this JVM reads it: these agent arguments, then its
   * {@code metrics.agent.*} system properties and {@code METRICS_AGENT_*} environment variables.
   */
  public static AgentConfig loadForThisJvm(String agentArgs) throws ConfigException {
    Map<String, String> systemProperties = new HashMap<>();
    for (String name : System.getProperties().stringPropertyNames()) {
      systemProperties.put(name, System.getProperty(name));
    }
    return load(agentArgs, systemProperties, System.getenv());
  }

  /** Loads one YAML file with no overrides, for the command line's {@code explain}. */
  public static AgentConfig loadFile(Path yaml) throws ConfigException {
    Problems problems = new Problems();
    Path file = yaml.toAbsolutePath().normalize();
    ConfigDraft draft = new ConfigDraft(file.toString());
    readYaml(file, null, draft, problems);
    return finish(draft, problems);
  }

  private static void readYaml(Path file, Location origin, ConfigDraft draft, Problems problems) {
    Node root = YamlFile.read(file, origin, problems);
    if (root != null) {
      new YamlConfigReader(new YamlNodes(file.toString(), problems)).read(root, draft);
    }
  }

  private static AgentConfig finish(ConfigDraft draft, Problems problems) throws ConfigException {
    if (!problems.isEmpty()) {
      // The draft holds fail_fast as far as it could be read: a broken value left the default.
      throw new ConfigException(problems.inReadingOrder(), draft.failFast);
    }
    return draft.build();
  }

  private static Map<String, String> orEmpty(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }
}
