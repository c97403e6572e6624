package dev.metricsagent.benchmarks.servlet;

import org.eclipse.jetty.util.thread.ThreadPool;

/**
 * Runs the tasks Jetty hands its pool on the thread that hands them: a request written to a
 * {@code LocalConnector}'s connection is parsed, served and answered before {@code
 * addInputAndExecute} returns. Waking a pool thread per request would cost more than the request.
 * The connector's acceptor, which loops until the server stops, gets a thread of its own.
 */
final class CallerRunsThreadPool implements ThreadPool {

  @Override
  public void execute(Runnable task) {
    if (task.getClass().getName().endsWith("$Acceptor")) {
      Thread acceptor = new Thread(task, "jetty-acceptor");
      acceptor.setDaemon(true);
      acceptor.start();
    } else {
      task.run();
    }
  }

  @Override
  public void join() {}

  @Override
  public int getThreads() {
    return 1;
  }

  @Override
  public int getIdleThreads() {
    return 0;
  }

  @Override
  public boolean isLowOnThreads() {
    return false;
  }
}
