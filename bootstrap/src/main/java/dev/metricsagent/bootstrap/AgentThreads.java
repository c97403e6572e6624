package dev.metricsagent.bootstrap;

/**
 * The agent's own threads (Pushgateway pushes, for instance). Instrumentations ask {@link
 * #isCurrent()} so that the agent's own work, such as an HTTP push through {@code
 * HttpURLConnection}, is never recorded as the application's.
 */
public final class AgentThreads {

  private static final ThreadLocal<Boolean> AGENT_THREAD = new ThreadLocal<>();

  private AgentThreads() {}

  /** A daemon thread: the agent never keeps the application's JVM alive. */
  public static Thread newThread(String name, Runnable task) {
    Thread thread =
        new Thread(
            () -> {
              AGENT_THREAD.set(Boolean.TRUE);
              task.run();
            },
            name);
    thread.setDaemon(true);
    return thread;
  }

  public static boolean isCurrent() {
    return AGENT_THREAD.get() != null;
  }
}
