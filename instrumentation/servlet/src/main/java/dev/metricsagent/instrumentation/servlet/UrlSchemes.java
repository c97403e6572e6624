package dev.metricsagent.instrumentation.servlet;

/** The {@code url_scheme} label: {@code https} or {@code http}, nothing else. */
final class UrlSchemes {

  private UrlSchemes() {}

  static String label(String scheme) {
    return "https".equalsIgnoreCase(scheme) ? "https" : "http";
  }
}
