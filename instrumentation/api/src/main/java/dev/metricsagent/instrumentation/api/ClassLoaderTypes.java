package dev.metricsagent.instrumentation.api;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The classes one class loader can see, read from their class files as resources (nothing is
 * loaded) and remembered: a super type such as {@code java.lang.Object} or a servlet container's
 * base class is read once, however many classes extend it. The loader is held weakly, so that
 * a web application undeployed can be collected while its classes are still described here.
 */
public final class ClassLoaderTypes implements TypeResolver {

  /** Stands for a class file that cannot be read, so that it is looked for once. */
  private static final ClassInfo UNREADABLE = new ClassInfo("", 0, null, List.of(), name -> null);

  private final WeakReference<ClassLoader> loader;
  private final boolean bootstrap;
  private final Map<String, ClassInfo> classes = new ConcurrentHashMap<>();

  /** @param loader null for the bootstrap loader */
  public ClassLoaderTypes(ClassLoader loader) {
    this.loader = new WeakReference<>(loader);
    this.bootstrap = loader == null;
  }

  /**
   * The class being defined, from the bytes the JVM hands over (which a retransformation or
   * another agent may have changed from those on disk), remembered for its subclasses.
   */
  public ClassInfo define(byte[] classFile) {
    ClassInfo type = ClassInfo.read(classFile, this);
    classes.put(type.name(), type);
    return type;
  }

  @Override
  public ClassInfo resolve(String name) {
    ClassInfo type = classes.get(name);
    if (type == null) {
      // Read outside the map's lock: reading resolves nothing, but another thread may read too.
      type = read(name);
      ClassInfo raced = classes.putIfAbsent(name, type);
      type = raced != null ? raced : type;
    }
    return type == UNREADABLE ? null : type;
  }

  private ClassInfo read(String name) {
    ClassLoader source = bootstrap ? ClassLoader.getPlatformClassLoader() : loader.get();
    if (source == null) {
      return UNREADABLE; // collected: nothing of it is being defined any more
    }
    try (InputStream in = source.getResourceAsStream(name.replace('.', '/') + ".class")) {
      return in == null ? UNREADABLE : ClassInfo.read(in.readAllBytes(), this);
    } catch (IOException | RuntimeException unreadable) {
      return UNREADABLE;
    }
  }
}
