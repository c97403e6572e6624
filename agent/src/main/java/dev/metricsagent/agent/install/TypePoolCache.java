package dev.metricsagent.agent.install;

import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.pool.TypePool;

/**
 * One type-pool cache per class loader, shared by every class that loader defines, for {@link
 * ByteBuddyWeaver}: Byte Buddy's default pool strategy starts each transformation with an empty
 * cache and would parse {@code java.lang.Object} and a container's base classes again for every
 * class it weaves. (Matching, which reads far more super types, has its own: {@link
 * ClassInfoCache}.)
 *
 * <p>Loaders are held weakly (an undeployed webapp stays collectable) and each cache sits behind
 * a soft reference, so it gives way under memory pressure instead of growing the heap.
 */
final class TypePoolCache extends AgentBuilder.PoolStrategy.WithTypePoolCache {

  private final Map<ClassLoader, TypePool.CacheProvider> byLoader = new WeakHashMap<>();
  private final TypePool.CacheProvider bootstrap = new TypePool.CacheProvider.Simple.UsingSoftReference();

  TypePoolCache() {
    super(TypePool.Default.ReaderMode.FAST);
  }

  @Override
  protected TypePool.CacheProvider locate(ClassLoader classLoader) {
    if (classLoader == null) {
      return bootstrap;
    }
    synchronized (byLoader) {
      return byLoader.computeIfAbsent(
          classLoader, loader -> new TypePool.CacheProvider.Simple.UsingSoftReference());
    }
  }
}
