package dev.metricsagent.agent.cli;

import dev.metricsagent.agent.AgentVersion;
import dev.metricsagent.agent.install.ClassPathContents;
import dev.metricsagent.config.ConfigException;
import dev.metricsagent.config.ConfigLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** {@code java -jar metrics-agent.jar <command>}: tools that run without an application. */
public final class Cli {

  private Cli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    String command = args.length == 0 ? "help" : args[0];
    switch (command) {
      case "version":
      case "--version":
        out.println("metrics-agent " + AgentVersion.get());
        return 0;
      case "check":
        return check(args, out, err);
      case "explain":
        return ExplainCommand.run(args, out, err);
      case "prepare-cache":
        return PrepareCacheCommand.run(args, out, err);
      case "help":
      case "--help":
      case "-h":
        usage(out);
        return 0;
      default:
        err.println("metrics-agent: unknown command '" + command + "'.");
        usage(err);
        return 2;
    }
  }

  /** Validates a configuration file without starting an application. */
  private static int check(String[] args, PrintStream out, PrintStream err) {
    if (args.length != 2) {
      err.println("usage: java -jar metrics-agent.jar check <agent.yaml>");
      return 2;
    }
    try {
      ConfigLoader.loadFile(Path.of(args[1]));
      out.println(args[1] + ": valid");
      return 0;
    } catch (ConfigException e) {
      err.println(e.render());
      return 1;
    }
  }

  /** The entries of a {@code --classpath} argument, or null when one is missing (said on {@code err}). */
  static List<Path> classPath(String command, String classpath, PrintStream err) {
    try {
      return ClassPathContents.parse(classpath);
    } catch (NoSuchFileException e) {
      err.println("metrics-agent " + command + ": " + e.getFile() + " does not exist");
    } catch (IOException e) {
      err.println("metrics-agent " + command + ": cannot read the class path: " + e);
    }
    return null;
  }

  private static void usage(PrintStream out) {
    out.println("metrics-agent " + AgentVersion.get());
    out.println();
    out.println("As an agent:  java -javaagent:metrics-agent.jar[=key=value,...] -jar app.jar");
    out.println("Commands:     java -jar metrics-agent.jar <command>");
    out.println("  check <agent.yaml>   validate a configuration file");
    out.println("  explain --config <agent.yaml> --classpath <app.jar>[:<more>]");
    out.println("                       list the methods each rule instruments, without running the application");
    out.println("  prepare-cache --classpath <app.jar>[:<more>] [--agent-args <key=value,...>]");
    out.println("                       fill the class cache before the first start, as in a container image");
    out.println("  version              print the version");
    out.println("  help                 this text");
    out.println();
    out.println("Configuration reference: docs/configuration.md");
  }
}
