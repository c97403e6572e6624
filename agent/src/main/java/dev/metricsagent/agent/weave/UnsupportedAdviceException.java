package dev.metricsagent.agent.weave;

/**
 * An advice class, or a method it goes into, uses what {@link AdviceWeaver} does not implement:
 * the class is then rewritten by Byte Buddy, which implements all of it.
 */
final class UnsupportedAdviceException extends Exception {

  private static final long serialVersionUID = 1L;

  UnsupportedAdviceException(String message) {
    super(message, null, false, false);
  }
}
