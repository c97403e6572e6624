package dev.metricsagent.instrumentation.httpclient;

/** Reads a rate-limit header value such as {@code 4999} without allocating. */
final class HeaderNumber {

  private HeaderNumber() {}

  /** The non-negative integer the value holds (surrounding spaces allowed), or -1. */
  static long parse(String value) {
    if (value == null) {
      return -1;
    }
    int start = 0;
    int end = value.length();
    while (start < end && value.charAt(start) == ' ') {
      start++;
    }
    while (end > start && value.charAt(end - 1) == ' ') {
      end--;
    }
    if (start == end || end - start > 18) {
      return -1;
    }
    long result = 0;
    for (int i = start; i < end; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      result = result * 10 + (c - '0');
    }
    return result;
  }
}
