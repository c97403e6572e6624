package dev.metricsagent.instrumentation.httpclient;

/** Status codes as label values, made once: a response never allocates a string for its code. */
final class StatusCodeLabel {

  private static final String[] TEXT = new String[600];

  static {
    for (int code = 100; code < TEXT.length; code++) {
      TEXT[code] = Integer.toString(code);
    }
  }

  private StatusCodeLabel() {}

  /** The code as text; empty (no label) for 0, meaning no response. */
  static String of(int status) {
    if (status <= 0) {
      return null;
    }
    return status < TEXT.length && TEXT[status] != null ? TEXT[status] : Integer.toString(status);
  }
}
