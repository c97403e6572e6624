package dev.metricsagent.agent.cli;

import dev.metricsagent.agent.InstrumentationModules;
import dev.metricsagent.agent.install.ClassCacheBuild;
import dev.metricsagent.agent.install.ClassCachePreparation;
import dev.metricsagent.config.AgentConfig;
import dev.metricsagent.config.ConfigException;
import dev.metricsagent.config.ConfigLoader;
import dev.metricsagent.instrumentation.api.InstrumentationModule;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code prepare-cache --classpath app.jar[:more] [--agent-args config=agent.yaml,...]}: fills the
 * class cache the agent, started with the same arguments, the same JDK and this jar, will read at
 * its first start (see {@link ClassCachePreparation}). The agent arguments are what follows
 * {@code -javaagent:metrics-agent.jar=}; system properties and the environment count as they do
 * at a start.
 */
final class PrepareCacheCommand {

  static final String USAGE =
      "usage: java -jar metrics-agent.jar prepare-cache --classpath <jar or folder>["
          + File.pathSeparator
          + "<jar or folder>...] [--agent-args <key=value,...>]";

  private PrepareCacheCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    String classpath = null;
    String agentArgs = null;
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--classpath") && i + 1 < args.length) {
        classpath = args[++i];
      } else if (args[i].equals("--agent-args") && i + 1 < args.length) {
        agentArgs = args[++i];
      } else {
        err.println("metrics-agent prepare-cache: unexpected argument '" + args[i] + "'");
        err.println(USAGE);
        return 2;
      }
    }
    if (classpath == null) {
      err.println(USAGE);
      return 2;
    }
    List<Path> entries = Cli.classPath("prepare-cache", classpath, err);
    if (entries == null) {
      return 2;
    }
    AgentConfig config;
    try {
      config = ConfigLoader.loadForThisJvm(agentArgs);
    } catch (ConfigException e) {
      err.println(e.render("metrics-agent prepare-cache: invalid configuration, nothing prepared."));
      return 1;
    }
    List<InstrumentationModule> active = InstrumentationModules.active(config);
    ClassCachePreparation preparation;
    try {
      String build =
          ClassCacheBuild.of(agentJar(), InstrumentationModules.names(active), config.rules());
      preparation = ClassCachePreparation.open(active, config, build, err);
      if (preparation == null) {
        return 1;
      }
      preparation.classPath(entries);
      preparation.jdk();
    } catch (IOException | URISyntaxException e) {
      err.println("metrics-agent prepare-cache: " + e);
      return 1;
    }
    out.println("metrics-agent prepare-cache: " + preparation.directory());
    out.println(preparation.summary());
    return preparation.complete() ? 0 : 1;
  }

  /** This jar: the build a start compares is the jar's path, size and time. */
  private static File agentJar() throws URISyntaxException {
    return new File(
        PrepareCacheCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
