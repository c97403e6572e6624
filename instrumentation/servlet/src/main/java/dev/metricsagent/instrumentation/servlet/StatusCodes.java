package dev.metricsagent.instrumentation.servlet;

/** HTTP status codes as label values, made once rather than per request. */
final class StatusCodes {

  private static final String[] LABELS = new String[600];

  static {
    for (int code = 0; code < LABELS.length; code++) {
      LABELS[code] = Integer.toString(code);
    }
  }

  private StatusCodes() {}

  static String label(int status) {
    return status >= 0 && status < LABELS.length ? LABELS[status] : Integer.toString(status);
  }
}
