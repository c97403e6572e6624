package dev.metricsagent.agent.install;

import dev.metricsagent.config.RuleConfig;
import java.io.File;
import java.util.List;

/**
 * What a rewritten class depends on besides its own class file and its super types': this agent
 * jar, the JDK, the active instrumentations and the method rules. Each build has its own
 * subdirectory of the class cache, so a start never takes what another build rewrote. The rest
 * of the configuration (port, labels, histograms) only matters at run time.
 */
public final class ClassCacheBuild {

  private ClassCacheBuild() {}

  public static String of(File agentJar, List<String> instrumentations, List<RuleConfig> rules) {
    return String.join(
        "\n",
        agentJar.getAbsolutePath(),
        Long.toString(agentJar.length()),
        Long.toString(agentJar.lastModified()),
        System.getProperty("java.home"),
        System.getProperty("java.vm.version"),
        instrumentations.toString(),
        rules.toString());
  }
}
