package dev.metricsagent.bootstrap;

/**
 * The agent's own threads (Pushgateway pushes, for instance). Instrumentations ask {@link
 * #isCurrent()} so that the agent's own work, such as an HTTP push through {@code
 * HttpURLConnection}, is never recorded as the application's.
 */
public final class AgentThreads {

  private AgentThreads() {}

  /** A daemon thread: the agent never keeps the application's JVM alive. */
  public static Thread newThread(String name, Runnable task) {
    Thread thread = new AgentThread(task, name);
    thread.setDaemon(true);
    return thread;
  }

  /**
   * Asked on every instrumented call, so a type check rather than a ThreadLocal: on a servlet
   * container's request threads, whose thread-local maps are full, a ThreadLocal the thread has
   * never set is a lookup that misses and walks on (JFR put it at 1.4 % of a hello-world
   * request's samples).
   */
  public static boolean isCurrent() {
    return Thread.currentThread() instanceof AgentThread;
  }

  private static final class AgentThread extends Thread {
    AgentThread(Runnable task, String name) {
      super(task, name);
    }
  }
}
