package dev.metricsagent.agent.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPathContentsTest {

  @TempDir Path temp;

  private Path jar(String name, String classPath, String... classes) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (classPath != null) {
      manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
    }
    Path jar = temp.resolve(name);
    Files.createDirectories(jar.getParent());
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      for (String className : classes) {
        out.putNextEntry(new JarEntry(className + ".class"));
      }
    }
    return jar;
  }

  @Test
  void aWildcardTakesEveryJarOfItsFolderAsJavaDoes() throws IOException {
    Path b = jar("lib/b.JAR", null);
    Path a = jar("lib/a.jar", null);
    Files.createFile(temp.resolve("lib/notes.txt"));
    Path app = jar("app.jar", null);

    assertEquals(
        List.of(a, b, app),
        ClassPathContents.parse(temp.resolve("lib") + File.separator + "*" + File.pathSeparator + app));
    NoSuchFileException missing =
        assertThrows(NoSuchFileException.class, () -> ClassPathContents.parse(app + File.pathSeparator + "nope.jar"));
    assertEquals("nope.jar", missing.getFile());
  }

  @Test
  void followsClassPathManifestsAndSkipsWhatOnlyALauncherLoads() throws IOException {
    jar("lib/dep.jar", null, "com/example/Dep");
    Path app = jar("app.jar", "lib/dep.jar lib/missing.jar", "com/example/App", "META-INF/versions/11/com/example/App",
        "BOOT-INF/classes/com/example/Nested", "module-info");

    ClassPathContents contents = ClassPathContents.read(List.of(app));

    assertEquals(List.of("com/example/App", "com/example/Dep"), List.copyOf(contents.classNames()));
    assertEquals(List.of(app, temp.resolve("lib/dep.jar")), contents.entries());
    assertEquals(List.of(app), contents.springBootJars());
  }
}
