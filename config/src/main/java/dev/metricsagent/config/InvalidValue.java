package dev.metricsagent.config;

/** A value that does not fit its setting; the message is the complete problem text. */
final class InvalidValue extends Exception {

  private static final long serialVersionUID = 1L;

  InvalidValue(String message) {
    super(message, null, false, false);
  }

  /** {@code expected <expected>, got '<text>'}. */
  static InvalidValue expected(String expected, String text) {
    return new InvalidValue("expected " + expected + ", got " + Found.quoted(text));
  }

  /** {@code expected <expected>, got '<text>'; <hint>}. */
  static InvalidValue expected(String expected, String text, String hint) {
    return new InvalidValue("expected " + expected + ", got " + Found.quoted(text) + "; " + hint);
  }
}
