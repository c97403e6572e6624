package dev.metricsagent.bootstrap;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Where an exception thrown inside inlined advice ends up: counted, reported once per
 * exception type on stderr, and never rethrown into the application. Byte Buddy's advice
 * exception handler calls {@link #record(Throwable)} with the suppressed exception.
 */
public final class AdviceErrors {

  private static final AtomicLong COUNT = new AtomicLong();
  private static final int MAX_REPORTED_TYPES = 16;
  private static final Class<?>[] REPORTED = new Class<?>[MAX_REPORTED_TYPES];

  private AdviceErrors() {}

  public static void record(Throwable error) {
    try {
      COUNT.incrementAndGet();
      reportOnce(error);
    } catch (Throwable ignored) {
      // nothing may escape into the instrumented method
    }
  }

  public static long count() {
    return COUNT.get();
  }

  private static void reportOnce(Throwable error) {
    Class<?> type = error.getClass();
    synchronized (REPORTED) {
      for (int i = 0; i < MAX_REPORTED_TYPES; i++) {
        if (REPORTED[i] == type) {
          return;
        }
        if (REPORTED[i] == null) {
          REPORTED[i] = type;
          StackTraceElement where = error.getStackTrace().length > 0 ? error.getStackTrace()[0] : null;
          System.err.println(
              "metrics-agent: an instrumentation failed inside the application (ignored, counted in"
                  + " metrics_agent_advice_errors_total; reported once per exception type): "
                  + error
                  + (where == null ? "" : " at " + where));
          return;
        }
      }
    }
  }
}
