package dev.metricsagent.agent;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Puts the bridge ({@code dev.metricsagent.bootstrap}) into the bootstrap class loader, where
 * advice inlined into any class can call it.
 *
 * <p>The obvious way, {@code Instrumentation.appendToBootstrapClassLoaderSearch}, makes the JVM
 * print "Sharing is only supported for boot loader classes because bootstrap classpath has been
 * appended" and switch class data sharing off for every application class, which slows the
 * application's own start. So the classes are defined directly in the bootstrap loader, and the
 * append is only the fallback.
 */
final class BootstrapClasses {

  /** Written by the build: the bridge's class files, one path per line. */
  private static final String CLASS_LIST = "dev/metricsagent/bootstrap/classes.list";

  private BootstrapClasses() {}

  static void inject(Instrumentation instrumentation, JarFile jar) throws IOException {
    Map<String, byte[]> classes = read(jar);
    try {
      defineInBootstrapLoader(instrumentation, classes);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      instrumentation.appendToBootstrapClassLoaderSearch(jar);
    }
  }

  private static Map<String, byte[]> read(JarFile jar) throws IOException {
    Map<String, byte[]> classes = new LinkedHashMap<>();
    for (String path : lines(jar, CLASS_LIST)) {
      JarEntry entry = jar.getJarEntry(path);
      if (entry == null) {
        throw new IOException(jar.getName() + " lacks " + path + ", which " + CLASS_LIST + " lists");
      }
      try (InputStream in = jar.getInputStream(entry)) {
        String className = path.substring(0, path.length() - ".class".length()).replace('/', '.');
        classes.put(className, in.readAllBytes());
      }
    }
    return classes;
  }

  private static List<String> lines(JarFile jar, String path) throws IOException {
    JarEntry entry = jar.getJarEntry(path);
    if (entry == null) {
      throw new IOException(jar.getName() + " lacks " + path + ": not a jar this project built");
    }
    try (InputStream in = jar.getInputStream(entry)) {
      List<String> lines = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
        if (!line.isBlank()) {
          lines.add(line.strip());
        }
      }
      return lines;
    }
  }

  private static void defineInBootstrapLoader(
      Instrumentation instrumentation, Map<String, byte[]> classes)
      throws ReflectiveOperationException {
    // Opens jdk.internal.misc to the agent's own class loader only, not to the application.
    Module javaBase = Object.class.getModule();
    instrumentation.redefineModule(
        javaBase,
        Set.of(),
        Map.of("jdk.internal.misc", Set.of(BootstrapClasses.class.getModule())),
        Map.of(),
        Set.of(),
        Map.of());
    Class<?> unsafeType = Class.forName("jdk.internal.misc.Unsafe");
    Object unsafe = unsafeType.getMethod("getUnsafe").invoke(null);
    Method defineClass =
        unsafeType.getMethod(
            "defineClass",
            String.class,
            byte[].class,
            int.class,
            int.class,
            ClassLoader.class,
            ProtectionDomain.class);

    // A class can only be defined once the types it extends are; repeat until all are in.
    List<String> pending = new ArrayList<>(classes.keySet());
    while (!pending.isEmpty()) {
      int before = pending.size();
      LinkageError last = null;
      for (Iterator<String> it = pending.iterator(); it.hasNext(); ) {
        String name = it.next();
        if (isDefined(name)) {
          it.remove();
          continue;
        }
        byte[] bytes = classes.get(name);
        try {
          defineClass.invoke(unsafe, name, bytes, 0, bytes.length, null, null);
          it.remove();
        } catch (InvocationTargetException e) {
          if (!(e.getCause() instanceof NoClassDefFoundError)) {
            throw new IllegalStateException("cannot define " + name, e.getCause());
          }
          last = (LinkageError) e.getCause();
        }
      }
      if (pending.size() == before) {
        throw new IllegalStateException("cannot define " + pending, last);
      }
    }
  }

  private static boolean isDefined(String name) {
    try {
      Class.forName(name, false, null);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
