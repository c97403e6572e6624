package dev.metricsagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/configuration.md stays true: its examples load, and it names every override. */
class DocumentationTest {

  private static final Path DOCUMENT = Paths.get("..", "docs", "configuration.md");

  @TempDir
  Path directory;

  @Test
  void everyYamlExampleInTheDocumentationIsAValidConfiguration() throws IOException {
    List<String> examples = yamlBlocks(Files.readString(DOCUMENT));
    ConfigFiles files = new ConfigFiles(directory);

    assertTrue(examples.size() >= 5, "found only " + examples.size() + " yaml examples");
    for (String example : examples) {
      try {
        files.load(example);
      } catch (ConfigException e) {
        throw new AssertionError("this example in " + DOCUMENT + " is invalid:\n" + example + "\n" + e.render(), e);
      }
    }
  }

  @Test
  void theCompleteExampleSetsTheRuleItDescribes() throws IOException, ConfigException {
    List<String> examples = yamlBlocks(Files.readString(DOCUMENT));
    String complete = examples.stream().filter(example -> example.startsWith("fail_fast:")).findFirst().orElseThrow();

    AgentConfig config = new ConfigFiles(directory).load(complete);

    assertEquals("github_client_calls_seconds", config.rules().get(0).metricName());
    assertEquals(1, config.instrumentation().httpClient().peers().size());
  }

  @Test
  void theDocumentationNamesEveryOverrideKeySystemPropertyAndEnvironmentVariable() throws IOException {
    String document = Files.readString(DOCUMENT);

    for (String name : Settings.overrideNames()) {
      assertTrue(document.contains("`" + name + "`"), name);
      assertTrue(document.contains("`" + Setting.systemPropertyName(name) + "`"), Setting.systemPropertyName(name));
      assertTrue(document.contains("`" + Setting.environmentName(name) + "`"), Setting.environmentName(name));
    }
  }

  private static List<String> yamlBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    StringBuilder block = null;
    for (String line : markdown.split("\n", -1)) {
      if (block == null && line.equals("```yaml")) {
        block = new StringBuilder();
      } else if (block != null && line.equals("```")) {
        blocks.add(block.toString());
        block = null;
      } else if (block != null) {
        block.append(line).append('\n');
      }
    }
    return blocks;
  }
}
