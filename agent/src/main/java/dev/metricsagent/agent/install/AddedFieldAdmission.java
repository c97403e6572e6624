package dev.metricsagent.agent.install;

import dev.metricsagent.instrumentation.api.AddedField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Whether the class being transformed may get the instrumentations' {@link AddedField}s. A
 * class that implements an interface its loader cannot resolve, or that its module cannot read,
 * fails to load: so the fields go only where the agent's bootstrap classes are reachable, and a
 * class being retransformed gets them only if it has them already (the JVM refuses to add or
 * remove a field then).
 */
final class AddedFieldAdmission {

  private final List<Class<?>> accessors;
  /** The answer per class loader, weakly: an undeployed web application's loader must go. */
  private final Map<ClassLoader, Boolean> reachable = new WeakHashMap<>();

  AddedFieldAdmission(List<AddedField> fields) {
    this.accessors = new ArrayList<>();
    for (AddedField field : fields) {
      if (!accessors.contains(field.accessor())) {
        accessors.add(field.accessor());
      }
    }
  }

  /** A class that is loading, as its class loader will define it in {@code module}. */
  boolean mayAddTo(ClassLoader loader, Module module) {
    if (accessors.isEmpty()) {
      return true; // nothing to add: the class is rewritten as it always is
    }
    Class<?> accessor = accessors.get(0); // all live in the bootstrap loader's unnamed module
    if (module != null && module.isNamed() && !module.canRead(accessor.getModule())) {
      return false;
    }
    if (loader == null) {
      return true;
    }
    Boolean known;
    synchronized (reachable) {
      known = reachable.get(loader);
    }
    if (known == null) {
      // Asked outside the lock: a loader that is not parallel capable holds its own monitor
      // while another thread transforms one of its classes, which would then wait on this lock.
      known = resolves(loader, accessor);
      synchronized (reachable) {
        reachable.put(loader, known);
      }
    }
    return known;
  }

  /** A class that is being retransformed: only if it took the fields when it loaded. */
  boolean carriedBy(Class<?> loaded) {
    for (Class<?> implemented : loaded.getInterfaces()) {
      if (accessors.contains(implemented)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Loads nothing new: the accessor is already defined in the bootstrap loader, and a loader
   * that delegates finds it there. A loader that hides it (an OSGi framework without boot
   * delegation for the agent's packages) answers otherwise.
   */
  private static boolean resolves(ClassLoader loader, Class<?> accessor) {
    try {
      return Class.forName(accessor.getName(), false, loader) == accessor;
    } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
      return false;
    }
  }
}
