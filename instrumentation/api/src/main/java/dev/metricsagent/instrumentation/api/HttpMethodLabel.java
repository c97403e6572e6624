package dev.metricsagent.instrumentation.api;

/**
 * The {@code http_request_method} label, for servers and clients alike: the standard methods as
 * they are, anything else {@code _OTHER}, so that made-up methods cannot grow the series count.
 */
public final class HttpMethodLabel {

  public static final String OTHER = "_OTHER";

  private HttpMethodLabel() {}

  /**
   * Returns the constant, so the label value is one of ten strings. By length, then equals: a
   * switch on the string would hash it first, and containers hand over a new String per request,
   * whose hash is computed afresh every time (3 % of a hello-world request's samples in JFR).
   */
  public static String of(String method) {
    if (method == null) {
      return OTHER;
    }
    switch (method.length()) {
      case 3:
        return method.equals("GET") ? "GET" : method.equals("PUT") ? "PUT" : OTHER;
      case 4:
        return method.equals("POST") ? "POST" : method.equals("HEAD") ? "HEAD" : OTHER;
      case 5:
        return method.equals("PATCH") ? "PATCH" : method.equals("TRACE") ? "TRACE" : OTHER;
      case 6:
        return method.equals("DELETE") ? "DELETE" : OTHER;
      case 7:
        return method.equals("OPTIONS") ? "OPTIONS" : method.equals("CONNECT") ? "CONNECT" : OTHER;
      default:
        return OTHER;
    }
  }
}
