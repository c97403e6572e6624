package dev.metricsagent.agent.install;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * A Spring Boot executable jar, whose application classes are nested under {@code
 * BOOT-INF/classes/} and whose libraries are jars in {@code BOOT-INF/lib/}, read by Spring Boot's
 * launcher and by no class loader of the JDK.
 */
final class SpringBootJar {

  private static final String CLASSES = "BOOT-INF/classes/";
  private static final String LIB = "BOOT-INF/lib/";
  private static final String CLASSPATH_INDEX = "BOOT-INF/classpath.idx";

  private SpringBootJar() {}

  /**
   * Unpacks the classes and libraries into {@code directory} and returns them in the order the
   * launcher's class loader searches them: the classes, then the libraries as {@code
   * classpath.idx} lists them (in the jar's order without one).
   */
  static List<Path> unpack(Path jar, Path directory) throws IOException {
    Path classes = Files.createDirectories(directory.resolve("classes"));
    Path lib = Files.createDirectories(directory.resolve("lib"));
    List<String> libraries = new ArrayList<>();
    List<String> index = null;
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : (Iterable<JarEntry>) file.stream()::iterator) {
        String name = entry.getName();
        if (entry.isDirectory()) {
          continue;
        }
        if (name.startsWith(CLASSES)) {
          copy(file, entry, classes.resolve(name.substring(CLASSES.length())), classes);
        } else if (name.startsWith(LIB) && name.endsWith(".jar") && name.indexOf('/', LIB.length()) < 0) {
          copy(file, entry, lib.resolve(name.substring(LIB.length())), lib);
          libraries.add(name);
        } else if (name.equals(CLASSPATH_INDEX)) {
          index = readIndex(file, entry);
        }
      }
    }
    List<Path> entries = new ArrayList<>();
    entries.add(classes);
    for (String library : index != null ? index : libraries) {
      if (libraries.contains(library)) {
        entries.add(lib.resolve(library.substring(LIB.length())));
      }
    }
    return entries;
  }

  /** Lines such as {@code - "BOOT-INF/lib/spring-core-6.2.12.jar"}. */
  private static List<String> readIndex(JarFile file, JarEntry entry) throws IOException {
    List<String> libraries = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(file.getInputStream(entry), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        int open = line.indexOf('"');
        int close = line.lastIndexOf('"');
        if (open >= 0 && close > open) {
          libraries.add(line.substring(open + 1, close));
        }
      }
    }
    return libraries;
  }

  /** Refuses a name that would leave {@code root} ({@code ../}): the jar is not ours. */
  private static void copy(JarFile file, JarEntry entry, Path target, Path root) throws IOException {
    Path normalized = target.normalize();
    if (!normalized.startsWith(root)) {
      throw new IOException(entry.getName() + " would be unpacked outside " + root);
    }
    Files.createDirectories(normalized.getParent());
    try (InputStream in = file.getInputStream(entry)) {
      Files.copy(in, normalized);
    }
  }
}
