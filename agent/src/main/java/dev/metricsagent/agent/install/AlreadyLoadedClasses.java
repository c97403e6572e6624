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
 * <p>The JDK's own classes ({@link JdkClasses}) are judged by name only; an application's
 * classes, already loaded when the agent is attached late, are read from their class loader to
 * check what they mention.
 */
final class AlreadyLoadedClasses {

  private final ClassFileFilter filter;
  private final ClassLoader agentClassLoader;

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
    if (loader == agentClassLoader || isAgentEntryOrBridge(name)) {
      return false; // the agent's own classes, a few hundred at premain, are never instrumented
    }
    String internalName = name.replace('.', '/');
    if (JdkClasses.contains(loader, type.getModule())) {
      return filter.acceptsName(internalName);
    }
    // Generated classes (reflection accessors, proxies, lambdas) have no class file to read;
    // no instrumentation matches them by what they mention.
    ClassLoader reader = loader == null ? ClassLoader.getPlatformClassLoader() : loader;
    try (InputStream in = reader.getResourceAsStream(internalName + ".class")) {
      return in != null && filter.accepts(internalName, in.readAllBytes());
    } catch (IOException e) {
      return true;
    }
  }

  /**
   * The agent's classes outside its own class loader: the launcher, loaded by the system class
   * loader, and the bridge, defined in the bootstrap loader. Asking those loaders for their class
   * files would search every jar on the application's class path, then fail for the bridge: about
   * 20 ms of premain.
   */
  private static boolean isAgentEntryOrBridge(String name) {
    return name.startsWith("dev.metricsagent.launcher.") || name.startsWith("dev.metricsagent.bootstrap.");
  }
}
