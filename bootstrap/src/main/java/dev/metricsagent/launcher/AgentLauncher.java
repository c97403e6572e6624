package dev.metricsagent.launcher;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.util.jar.JarFile;

/**
 * The entry points named in the jar's manifest. The system class loader loads this class; it
 * hands over to the real agent, which lives in the jar as {@code inst/*.classdata} and is loaded
 * by an isolated {@link AgentClassLoader}: the application never sees Byte Buddy, SnakeYAML or
 * the Prometheus client of ours, and ours never sees theirs. The agent's first step puts the
 * bridge ({@code dev.metricsagent.bootstrap}) into the bootstrap class loader.
 */
public final class AgentLauncher {

  private static final String AGENT_CLASS = "dev.metricsagent.agent.Agent";
  private static final String CLI_CLASS = "dev.metricsagent.agent.cli.Cli";

  private AgentLauncher() {}

  public static void premain(String agentArgs, Instrumentation instrumentation) {
    launch(agentArgs, instrumentation);
  }

  public static void agentmain(String agentArgs, Instrumentation instrumentation) {
    launch(agentArgs, instrumentation);
  }

  /** {@code java -jar metrics-agent.jar explain ...}: the command line tools. */
  public static void main(String[] args) throws Throwable {
    try {
      AgentClassLoader loader = new AgentClassLoader(new JarFile(agentJar()));
      Method main = loader.loadClass(CLI_CLASS).getMethod("main", String[].class);
      main.invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static void launch(String agentArgs, Instrumentation instrumentation) {
    long startNanos = System.nanoTime();
    try {
      JarFile jar = new JarFile(agentJar());
      AgentClassLoader loader = new AgentClassLoader(jar);
      Method start =
          loader
              .loadClass(AGENT_CLASS)
              .getMethod("start", String.class, Instrumentation.class, JarFile.class, long.class);
      start.invoke(null, agentArgs, instrumentation, jar, startNanos);
    } catch (Throwable t) {
      // The agent must never stop the application from starting. Agent.start handles its own
      // failures (and fail_fast); this is the last line of defence for what it could not.
      Throwable cause = t instanceof InvocationTargetException ? t.getCause() : t;
      System.err.println(
          "metrics-agent: failed to start, the application runs without it: " + cause);
      cause.printStackTrace();
    }
  }

  private static File agentJar() throws URISyntaxException {
    return new File(AgentLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
