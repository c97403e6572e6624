package dev.metricsagent.agent.install;

import net.bytebuddy.dynamic.loading.ClassInjector;

/**
 * Keeps the agent's Byte Buddy away from {@code sun.misc.Unsafe}, which JDK 24+ reports with
 * four "terminally deprecated method" warnings on the application's stderr. The agent injects
 * no classes, so it needs neither injector that would use it.
 *
 * <p>Byte Buddy reads {@code net.bytebuddy.safe} once, when each injector class initialises.
 * The property is set only around that moment: an application's own Byte Buddy (a different
 * copy, in another class loader) reads it later and keeps its own behaviour.
 */
final class ByteBuddySafeMode {

  private static final String SAFE_PROPERTY = "net.bytebuddy.safe";

  private ByteBuddySafeMode() {}

  static void enable() {
    String previous = System.getProperty(SAFE_PROPERTY);
    System.setProperty(SAFE_PROPERTY, "true");
    try {
      ClassInjector.UsingUnsafe.isAvailable();
      ClassInjector.UsingReflection.isAvailable();
    } finally {
      if (previous == null) {
        System.clearProperty(SAFE_PROPERTY);
      } else {
        System.setProperty(SAFE_PROPERTY, previous);
      }
    }
  }
}
