package dev.metricsagent.instrumentation.servlet;

/**
 * The {@code http_request_method} label: the standard methods as sent, anything else
 * {@code _OTHER}, so that a client inventing methods cannot create series.
 */
final class HttpMethods {

  static final String OTHER = "_OTHER";

  private HttpMethods() {}

  static String label(String method) {
    if (method == null) {
      return OTHER;
    }
    switch (method) {
      case "GET":
        return "GET";
      case "POST":
        return "POST";
      case "PUT":
        return "PUT";
      case "DELETE":
        return "DELETE";
      case "PATCH":
        return "PATCH";
      case "HEAD":
        return "HEAD";
      case "OPTIONS":
        return "OPTIONS";
      case "TRACE":
        return "TRACE";
      case "CONNECT":
        return "CONNECT";
      default:
        return OTHER;
    }
  }
}
