package dev.metricsagent.agent.install;

/**
 * The JDK's own classes, which the transformer judges by name alone: no instrumentation wants
 * one for what it mentions (the JDK implements no servlet, driver or pool), and a start loads
 * over a thousand of them, half the time the pre-filter spent reading constant pools.
 *
 * <p>A JDK class is one of a named module of the bootstrap or platform class loader. A library
 * put on the boot class path ({@code -Xbootclasspath/a}), even {@code javax.servlet}, lands in
 * the bootstrap loader's unnamed module and is read like any other.
 */
final class JdkClasses {

  private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();

  private JdkClasses() {}

  static boolean contains(ClassLoader loader, Module module) {
    return (loader == null || loader == PLATFORM) && module != null && module.isNamed();
  }
}
