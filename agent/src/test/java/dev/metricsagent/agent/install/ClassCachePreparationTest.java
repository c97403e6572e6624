package dev.metricsagent.agent.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metricsagent.agent.InstrumentationModules;
import dev.metricsagent.agent.install.fixtures.PlainStatement;
import dev.metricsagent.agent.install.fixtures.TimedStatement;
import dev.metricsagent.config.AgentConfig;
import dev.metricsagent.config.ConfigLoader;
import dev.metricsagent.instrumentation.api.InstrumentationModule;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassCachePreparationTest {

  @TempDir Path temp;

  /** The folder these tests' classes were compiled to, as an application's class path. */
  private static Path testClasses() throws Exception {
    return Path.of(PlainStatement.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @Test
  void storesWhatTheStartWouldAndLeavesRuleSelectedClassesToIt() throws Exception {
    Path yaml =
        Files.writeString(
            temp.resolve("agent.yaml"),
            "rules:\n  - metric: timed_statements\n    select:\n      - "
                + TimedStatement.class.getName()
                + "#execute\n");
    AgentConfig config =
        ConfigLoader.load(
            "config=" + yaml + ",class_cache.directory=" + temp.resolve("cache"), Map.of(), Map.of());
    List<InstrumentationModule> active = InstrumentationModules.active(config);
    String build =
        ClassCacheBuild.of(new File("agent.jar"), InstrumentationModules.names(active), config.rules());
    ByteArrayOutputStream errors = new ByteArrayOutputStream();

    ClassCachePreparation preparation =
        ClassCachePreparation.open(active, config, build, new PrintStream(errors, true, StandardCharsets.UTF_8));
    preparation.classPath(List.of(testClasses()));

    String summary = preparation.summary();
    assertTrue(summary.contains("1 selected by method rules"), summary);
    assertTrue(summary.contains("0 failed"), summary + errors);
    ClassCache cache = ClassCache.open(temp.resolve("cache"), build, true);
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {testClasses().toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      Rewritten plain = cache.lookup(loader, internalName(PlainStatement.class), classFile(PlainStatement.class)).stored;
      assertNotNull(plain);
      assertEquals(List.of("jdbc"), plain.instrumentations);
      assertNull(cache.lookup(loader, internalName(TimedStatement.class), classFile(TimedStatement.class)).stored);
    }
    RejectedClassFiles rejected = RejectedClassFiles.in(cache.directory());
    assertTrue(rejected.knows(RejectedClassFiles.keyOf(classFile(ClassCachePreparationTest.class))));
    assertFalse(rejected.knows(RejectedClassFiles.keyOf(classFile(PlainStatement.class))));
  }

  @Test
  void aSpringBootExecutableJarIsPreparedAsItsLauncherLoadsIt() throws Exception {
    Path jar = temp.resolve("app.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("BOOT-INF/classes/" + internalName(PlainStatement.class) + ".class"));
      out.write(classFile(PlainStatement.class));
      out.putNextEntry(new JarEntry("BOOT-INF/lib/../../escape.jar"));
    }
    AgentConfig config = ConfigLoader.load("class_cache.directory=" + temp.resolve("cache"), Map.of(), Map.of());
    List<InstrumentationModule> active = InstrumentationModules.active(config);
    ByteArrayOutputStream errors = new ByteArrayOutputStream();

    ClassCachePreparation preparation =
        ClassCachePreparation.open(active, config, "build", new PrintStream(errors, true, StandardCharsets.UTF_8));
    preparation.classPath(List.of(jar));

    assertEquals(
        List.of(
            "class path: 0 classes, 0 through the pre-filter: 0 rewritten, 0 left alone, 0 already stored",
            "Spring Boot jar app.jar: 1 classes, 1 through the pre-filter: 1 rewritten, 0 left alone, 0 already stored"),
        preparation.summary().lines().limit(2).collect(Collectors.toList()),
        preparation.summary() + errors);
    assertTrue(Files.notExists(temp.resolve("escape.jar")));
  }

  @Test
  void aConfigurationWithoutCacheHasNothingToPrepare() throws Exception {
    AgentConfig config = ConfigLoader.load("class_cache.enabled=false", Map.of(), Map.of());
    ByteArrayOutputStream errors = new ByteArrayOutputStream();

    assertNull(
        ClassCachePreparation.open(
            List.of(), config, "build", new PrintStream(errors, true, StandardCharsets.UTF_8)));
    assertTrue(errors.toString(StandardCharsets.UTF_8).contains("class_cache.enabled is false"));
  }

  private static String internalName(Class<?> type) {
    return type.getName().replace('.', '/');
  }

  private static byte[] classFile(Class<?> type) throws Exception {
    try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
      return in.readAllBytes();
    }
  }
}
