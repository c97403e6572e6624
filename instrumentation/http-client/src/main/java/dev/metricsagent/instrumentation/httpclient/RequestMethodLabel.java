package dev.metricsagent.instrumentation.httpclient;

/**
 * The {@code http_request_method} label: the standard methods as they are, anything else
 * {@code _OTHER}, so that a client sending made-up methods cannot grow the series count.
 */
final class RequestMethodLabel {

  static final String OTHER = "_OTHER";

  private RequestMethodLabel() {}

  static String of(String method) {
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
