package dev.metricsagent.agent.install;

import dev.metricsagent.instrumentation.api.ClassFileFilter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;

/**
 * Which already loaded classes the agent retransforms when it installs: only those the
 * instrumentations' filters accept. Otherwise each of the thousand or so classes loaded before
 * premain would be described and matched.
 *
 * <p>The JDK's own classes are judged by name only (no JDK class implements a servlet or JDBC
 * API); an application's classes, already loaded when the agent is attached late, are read from
 * their class loader to check what they mention.
 */
final class AlreadyLoadedClasses {

  private final ClassFileFilter filter;
  private final ClassLoader agentClassLoader;
  private final ClassLoader platformClassLoader = ClassLoader.getPlatformClassLoader();

  AlreadyLoadedClasses(ClassFileFilter filter, ClassLoader agentClassLoader) {
    this.filter = filter;
    this.agentClassLoader = agentClassLoader;
  }

  /** The loaded classes the filters accept, which the transformer is then asked to rewrite. */
  List<Class<?>> candidates(Instrumentation instrumentation) {
    List<Class<?>> candidates = new ArrayList<>();
    for (Class<?> type : instrumentation.getAllLoadedClasses()) {
      if (isCandidate(type) && instrumentation.isModifiableClass(type)) {
        candidates.add(type);
      }
    }
    return candidates;
  }

  private boolean isCandidate(Class<?> type) {
    if (type.isArray() || type.isPrimitive()) {
      return false;
    }
    String name = type.getName();
    ClassLoader loader = type.getClassLoader();
    if (loader == agentClassLoader || name.startsWith(LAUNCHER_PACKAGE)) {
      return false; // the agent's own classes, a few hundred at premain, are never instrumented
    }
    if (loader == null || loader == platformClassLoader) {
      return filter.acceptsName(name);
    }
    String internalName = name.replace('.', '/');
    // Generated classes (reflection accessors, proxies, lambdas) have no class file to read;
    // their names were checked above, and no instrumentation matches them by what they mention.
    try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
      return in != null && filter.accepts(internalName, in.readAllBytes());
    } catch (IOException e) {
      return true;
    }
  }

  /**
   * Where the agent's entry points live, loaded by the system class loader: asking that loader
   * for their class files would open every jar on the application's class path before them.
   */
  private static final String LAUNCHER_PACKAGE = "dev.metricsagent.launcher.";
}
