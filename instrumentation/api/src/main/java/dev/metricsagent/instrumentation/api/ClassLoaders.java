package dev.metricsagent.instrumentation.api;

import java.util.Map;
import java.util.WeakHashMap;

/** Class-loader pre-checks: skip loaders that cannot contain the library before matching types. */
public final class ClassLoaders {

  private ClassLoaders() {}

  /**
   * Matches loaders that can see the given class file. It is looked up as a resource, so nothing
   * is loaded or initialised, and the answer is remembered per loader (weakly: a webapp that is
   * undeployed must be collectable) because the agent asks for every type the loader defines.
   */
  public static Matcher<ClassLoader> canSee(String className) {
    return new CanSee(className.replace('.', '/') + ".class");
  }

  private static final class CanSee implements Matcher<ClassLoader> {
    private final String resource;
    private final Map<ClassLoader, Boolean> answers = new WeakHashMap<>();
    private volatile Boolean bootstrapAnswer;

    CanSee(String resource) {
      this.resource = resource;
    }

    @Override
    public boolean matches(ClassLoader loader) {
      if (loader == null) {
        Boolean answer = bootstrapAnswer;
        if (answer == null) {
          answer = ClassLoader.getPlatformClassLoader().getResource(resource) != null;
          bootstrapAnswer = answer;
        }
        return answer;
      }
      synchronized (answers) {
        return answers.computeIfAbsent(loader, l -> l.getResource(resource) != null);
      }
    }

    @Override
    public String toString() {
      return "canSee(" + resource + ")";
    }
  }
}
