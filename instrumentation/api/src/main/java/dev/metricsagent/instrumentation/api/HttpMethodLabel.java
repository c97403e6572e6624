package dev.metricsagent.instrumentation.api;

/**
 * The {@code http_request_method} label, for servers and clients alike: the standard methods as
 * they are, anything else {@code _OTHER}, so that made-up methods cannot grow the series count.
 */
public final class HttpMethodLabel {

  public static final String OTHER = "_OTHER";

  private HttpMethodLabel() {}

  /** Returns the interned constant, so the label value is one of ten strings. */
  public static String of(String method) {
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
