package dev.metricsagent.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads the agent's own code and its libraries from the {@code inst/} folder of the agent jar,
 * where class files are stored as {@code .classdata} so that no other class loader can load
 * them. Its parent is the platform class loader: the agent sees the JDK and the bootstrap
 * bridge, never the application's classes.
 *
 * <p>Multi-release entries ({@code inst/META-INF/versions/N/...}) are honoured, newest first,
 * because Byte Buddy ships classes for recent JDKs that way.
 */
public final class AgentClassLoader extends ClassLoader {

  static {
    registerAsParallelCapable();
  }

  private static final String ROOT = "inst/";
  private static final String CLASS_SUFFIX = ".classdata";
  private static final String BRIDGE_PACKAGE = "dev.metricsagent.bootstrap.";

  private final JarFile jar;
  private final URL jarUrl;
  private final ProtectionDomain protectionDomain;
  /** Entry prefixes to search, most specific Java version first, the plain root last. */
  private final List<String> roots;

  public AgentClassLoader(JarFile jar) {
    super("metrics-agent", ClassLoader.getPlatformClassLoader());
    this.jar = jar;
    try {
      this.jarUrl = new java.io.File(jar.getName()).toURI().toURL();
    } catch (MalformedURLException e) {
      throw new UncheckedIOException(e);
    }
    this.protectionDomain =
        new ProtectionDomain(new CodeSource(jarUrl, (Certificate[]) null), null, this, null);
    this.roots = versionedRoots(jar);
  }

  private static List<String> versionedRoots(JarFile jar) {
    int runtime = Runtime.version().feature();
    List<String> roots = new ArrayList<>();
    for (int version = runtime; version >= 9; version--) {
      String root = ROOT + "META-INF/versions/" + version + "/";
      if (jar.getEntry(root) != null) {
        roots.add(root);
      }
    }
    roots.add(ROOT);
    return Collections.unmodifiableList(roots);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    String path = name.replace('.', '/');
    JarEntry entry = find(path + CLASS_SUFFIX);
    if (entry == null && name.startsWith(BRIDGE_PACKAGE)) {
      // Running as a command-line tool: no agent put the bridge into the bootstrap loader.
      entry = jar.getJarEntry(path + ".class");
    }
    if (entry == null) {
      throw new ClassNotFoundException(name);
    }
    byte[] bytes;
    try (InputStream in = jar.getInputStream(entry)) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
    definePackageOf(name);
    return defineClass(name, bytes, 0, bytes.length, protectionDomain);
  }

  private void definePackageOf(String className) {
    int dot = className.lastIndexOf('.');
    if (dot > 0) {
      String packageName = className.substring(0, dot);
      if (getDefinedPackage(packageName) == null) {
        try {
          definePackage(packageName, null, null, null, null, null, null, null);
        } catch (IllegalArgumentException definedConcurrently) {
          // another thread defined it first: fine
        }
      }
    }
  }

  @Override
  protected URL findResource(String name) {
    JarEntry entry = find(storedName(name));
    return entry == null ? null : urlOf(entry);
  }

  @Override
  protected Enumeration<URL> findResources(String name) {
    URL url = findResource(name);
    return url == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(url));
  }

  /** Reads our own entries straight from the jar rather than through a {@code jar:} URL connection. */
  @Override
  public InputStream getResourceAsStream(String name) {
    InputStream fromParent = getParent().getResourceAsStream(name);
    if (fromParent != null) {
      return fromParent;
    }
    JarEntry entry = find(storedName(name));
    try {
      return entry == null ? null : jar.getInputStream(entry);
    } catch (IOException e) {
      return null;
    }
  }

  /** Byte Buddy reads advice class files as resources: {@code X.class} maps to {@code X.classdata}. */
  private static String storedName(String resourceName) {
    return resourceName.endsWith(".class")
        ? resourceName.substring(0, resourceName.length() - ".class".length()) + CLASS_SUFFIX
        : resourceName;
  }

  private JarEntry find(String path) {
    for (String root : roots) {
      JarEntry entry = jar.getJarEntry(root + path);
      if (entry != null) {
        return entry;
      }
    }
    return null;
  }

  private URL urlOf(JarEntry entry) {
    try {
      return new URL("jar:" + jarUrl + "!/" + entry.getName());
    } catch (MalformedURLException e) {
      return null;
    }
  }
}
