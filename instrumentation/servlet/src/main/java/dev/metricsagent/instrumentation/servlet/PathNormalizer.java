package dev.metricsagent.instrumentation.servlet;

/**
 * Turns a request path into a route when nothing better is known: segments that are
 * identifiers (numbers, UUIDs, hex strings of 16 characters or more) become {@code {id}}, and
 * path parameters ({@code ;jsessionid=...}) are dropped. A path that needs neither is returned
 * as it is, without allocating.
 */
final class PathNormalizer {

  static final String ID = "{id}";

  /** Shorter hex strings are too often words ("cafe", "deadbeef") to be called identifiers. */
  private static final int MIN_HEX_ID_LENGTH = 16;

  private static final int UUID_LENGTH = 36;

  private PathNormalizer() {}

  static String normalize(String path) {
    if (path == null || path.isEmpty()) {
      return "/";
    }
    if (!needsRewrite(path)) {
      return path;
    }
    StringBuilder route = new StringBuilder(path.length());
    int start = 0;
    while (true) {
      int end = segmentEnd(path, start);
      int contentEnd = contentEnd(path, start, end);
      if (isIdentifier(path, start, contentEnd)) {
        route.append(ID);
      } else {
        route.append(path, start, contentEnd);
      }
      if (end == path.length()) {
        return route.toString();
      }
      route.append('/');
      start = end + 1;
    }
  }

  private static boolean needsRewrite(String path) {
    if (path.indexOf(';') >= 0) {
      return true;
    }
    int start = 0;
    while (true) {
      int end = segmentEnd(path, start);
      if (isIdentifier(path, start, end)) {
        return true;
      }
      if (end == path.length()) {
        return false;
      }
      start = end + 1;
    }
  }

  private static int segmentEnd(String path, int start) {
    int slash = path.indexOf('/', start);
    return slash < 0 ? path.length() : slash;
  }

  /** Where a segment's path parameters begin, if it has any. */
  private static int contentEnd(String path, int start, int end) {
    for (int i = start; i < end; i++) {
      if (path.charAt(i) == ';') {
        return i;
      }
    }
    return end;
  }

  static boolean isIdentifier(CharSequence path, int start, int end) {
    int length = end - start;
    if (length <= 0) {
      return false;
    }
    return isNumber(path, start, end)
        || (length == UUID_LENGTH && isUuid(path, start))
        || (length >= MIN_HEX_ID_LENGTH && isHexWithDigit(path, start, end));
  }

  private static boolean isNumber(CharSequence path, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = path.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean isUuid(CharSequence path, int start) {
    for (int i = 0; i < UUID_LENGTH; i++) {
      char c = path.charAt(start + i);
      boolean dashPosition = i == 8 || i == 13 || i == 18 || i == 23;
      if (dashPosition ? c != '-' : !isHex(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHexWithDigit(CharSequence path, int start, int end) {
    boolean digit = false;
    for (int i = start; i < end; i++) {
      char c = path.charAt(i);
      if (!isHex(c)) {
        return false;
      }
      digit |= c >= '0' && c <= '9';
    }
    return digit;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
