package dev.metricsagent.agent.install;

import dev.metricsagent.instrumentation.api.ClassLoaderTypes;
import java.lang.ref.SoftReference;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The class descriptions of each class loader ({@link ClassLoaderTypes}), shared by every class
 * it defines: super-type matchers, which the JDBC and servlet instrumentations need because
 * implementations can have any name, would otherwise read {@code java.lang.Object} and a
 * container's base classes again for every class.
 *
 * <p>Loaders are held weakly (an undeployed webapp stays collectable) and each loader's
 * descriptions behind a soft reference, so that they give way under memory pressure instead of
 * growing the heap: a rule that lets every class through describes every class.
 */
final class ClassInfoCache {

  private final Map<ClassLoader, SoftReference<ClassLoaderTypes>> byLoader = new WeakHashMap<>();
  private SoftReference<ClassLoaderTypes> bootstrap = new SoftReference<>(null);

  /** @param loader null for the bootstrap loader */
  synchronized ClassLoaderTypes of(ClassLoader loader) {
    SoftReference<ClassLoaderTypes> cached = loader == null ? bootstrap : byLoader.get(loader);
    ClassLoaderTypes types = cached == null ? null : cached.get();
    if (types == null) {
      types = new ClassLoaderTypes(loader);
      if (loader == null) {
        bootstrap = new SoftReference<>(types);
      } else {
        byLoader.put(loader, new SoftReference<>(types));
      }
    }
    return types;
  }
}
