package dev.metricsagent.agent.install;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * What an application started with a class path can load from it, for the command-line tools
 * ({@code explain}, {@code prepare-cache}): its jars and folders in the order the JVM searches
 * them, each jar followed by those its manifest's {@code Class-Path} names, and the names of
 * their classes.
 */
public final class ClassPathContents {

  private final Set<Path> entries = new LinkedHashSet<>();
  private final Set<String> classNames = new TreeSet<>();
  private final List<Path> springBootJars = new ArrayList<>();

  private ClassPathContents() {}

  /**
   * The entries of a class path as {@code java -cp} takes it: separated by {@link
   * File#pathSeparator}, and {@code dir/*} for every jar in {@code dir}.
   *
   * @throws NoSuchFileException naming the first entry that does not exist
   */
  public static List<Path> parse(String classpath) throws IOException {
    List<Path> entries = new ArrayList<>();
    for (String entry : classpath.split(File.pathSeparator)) {
      if (entry.isEmpty()) {
        continue;
      }
      boolean wildcard = entry.equals("*") || entry.endsWith(File.separator + "*");
      Path path = Path.of(wildcard ? entry.substring(0, entry.length() - 1) : entry);
      if (!Files.exists(path)) {
        throw new NoSuchFileException(entry);
      }
      if (!wildcard) {
        entries.add(path);
        continue;
      }
      try (Stream<Path> files = Files.list(path)) {
        files
            .filter(file -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))
            .sorted()
            .forEach(entries::add);
      }
    }
    return entries;
  }

  /** Reads the jars and folders given, and those their manifests name; missing ones are skipped. */
  public static ClassPathContents read(List<Path> given) throws IOException {
    ClassPathContents contents = new ClassPathContents();
    for (Path entry : given) {
      contents.add(entry);
    }
    return contents;
  }

  /** Every jar and folder, in search order. */
  public List<Path> entries() {
    return List.copyOf(entries);
  }

  /** The classes' internal names ({@code com/example/Client}), sorted. */
  public Set<String> classNames() {
    return Collections.unmodifiableSet(classNames);
  }

  /**
   * Spring Boot executable jars among the entries: their own classes and libraries are nested
   * under {@code BOOT-INF/}, which only Spring Boot's launcher reads, so they are not listed
   * here (see {@link SpringBootJar}).
   */
  public List<Path> springBootJars() {
    return List.copyOf(springBootJars);
  }

  private void add(Path entry) throws IOException {
    if (!Files.exists(entry) || !entries.add(entry.toAbsolutePath().normalize())) {
      return;
    }
    if (Files.isDirectory(entry)) {
      try (Stream<Path> files = Files.walk(entry)) {
        files
            .filter(Files::isRegularFile)
            .map(file -> entry.relativize(file).toString().replace(File.separatorChar, '/'))
            .forEach(this::addClassName);
      }
      return;
    }
    try (JarFile jar = new JarFile(entry.toFile())) {
      boolean springBoot = false;
      for (JarEntry jarEntry : (Iterable<JarEntry>) jar.stream()::iterator) {
        addClassName(jarEntry.getName());
        springBoot |= jarEntry.getName().startsWith("BOOT-INF/");
      }
      if (springBoot) {
        springBootJars.add(entry);
      }
      Manifest manifest = jar.getManifest();
      String classPath =
          manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
      if (classPath != null) {
        for (String relative : classPath.trim().split("\\s+")) {
          if (!relative.isEmpty()) {
            add(entry.toAbsolutePath().getParent().resolve(relative));
          }
        }
      }
    }
  }

  private void addClassName(String path) {
    String internalName = internalNameOf(path);
    if (internalName != null) {
      classNames.add(internalName);
    }
  }

  /**
   * The internal name of the class at this path of a jar or folder ({@code a/b/C.class}), or null
   * for what is not a class a class loader of the jar itself loads: module and package
   * descriptors, versioned copies in META-INF, a Spring Boot jar's or a war's nested classes.
   */
  static String internalNameOf(String path) {
    if (path.endsWith(".class")
        && !path.startsWith("META-INF/")
        && !path.startsWith("BOOT-INF/")
        && !path.startsWith("WEB-INF/")
        && !path.endsWith("module-info.class")
        && !path.endsWith("package-info.class")) {
      return path.substring(0, path.length() - ".class".length());
    }
    return null;
  }
}
