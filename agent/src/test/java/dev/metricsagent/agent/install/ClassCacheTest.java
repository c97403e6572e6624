package dev.metricsagent.agent.install;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassCacheTest {

  static class Parent {}

  static class Child extends Parent {}

  private static final String CHILD = Child.class.getName().replace('.', '/');
  private static final String PARENT = Parent.class.getName().replace('.', '/');

  @TempDir Path temp;

  private static byte[] classFile(Class<?> type) throws IOException {
    try (InputStream in =
        type.getClassLoader().getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
      return in.readAllBytes();
    }
  }

  /** Serves class files by name, as an application's class loader would. */
  private static ClassLoader serving(Map<String, byte[]> classFiles) {
    return new ClassLoader(null) {
      @Override
      public InputStream getResourceAsStream(String name) {
        byte[] bytes = classFiles.get(name.substring(0, name.length() - ".class".length()));
        return bytes == null ? null : new ByteArrayInputStream(bytes);
      }
    };
  }

  private ClassLoader parentAsCompiled() throws IOException {
    return serving(Map.of(PARENT, classFile(Parent.class)));
  }

  @Test
  void aStoredRewriteIsFoundByTheNextStart() throws IOException {
    byte[] child = classFile(Child.class);
    ClassCache first = ClassCache.open(temp.resolve("cache"), "build 1", true);
    assertTrue(first.startedEmpty());
    ClassCache.Lookup miss = first.lookup(parentAsCompiled(), CHILD, child);
    assertNull(miss.stored);
    first.store(miss, new Rewritten(new byte[] {1, 2, 3}, List.of("jdbc", "servlet")));

    ClassCache second = ClassCache.open(temp.resolve("cache"), "build 1", true);
    assertFalse(second.startedEmpty());
    Rewritten hit = second.lookup(parentAsCompiled(), CHILD, child).stored;
    assertArrayEquals(new byte[] {1, 2, 3}, hit.bytes);
    assertEquals(List.of("jdbc", "servlet"), hit.instrumentations);
    assertEquals(1, second.hits());
    assertEquals(0, second.misses());
    assertEquals(1, first.misses());
  }

  @Test
  void aRefusedClassIsStoredAsRefused() throws IOException {
    byte[] child = classFile(Child.class);
    ClassCache cache = ClassCache.open(temp, "build", true);
    cache.store(cache.lookup(parentAsCompiled(), CHILD, child), Rewritten.REFUSED);

    assertSame(Rewritten.REFUSED, cache.lookup(parentAsCompiled(), CHILD, child).stored);
  }

  @Test
  void aChangedSuperTypeOrBuildOrClassMisses() throws IOException {
    byte[] child = classFile(Child.class);
    ClassCache cache = ClassCache.open(temp, "build 1", true);
    cache.store(cache.lookup(parentAsCompiled(), CHILD, child), Rewritten.REFUSED);

    ClassLoader parentChanged = serving(Map.of(PARENT, classFile(Child.class)));
    assertNull(cache.lookup(parentChanged, CHILD, child).stored);
    ClassLoader parentMissing = serving(Map.of());
    assertNull(cache.lookup(parentMissing, CHILD, child).stored);
    assertNull(ClassCache.open(temp, "build 2", true).lookup(parentAsCompiled(), CHILD, child).stored);
    assertNull(cache.lookup(parentAsCompiled(), PARENT, classFile(Parent.class)).stored);
    assertNotNull(cache.lookup(parentAsCompiled(), CHILD, child).stored);
  }

  @Test
  void aDamagedEntryIsAMissAndIsStoredAgain() throws IOException {
    byte[] child = classFile(Child.class);
    ClassCache cache = ClassCache.open(temp, "build", true);
    ClassCache.Lookup miss = cache.lookup(parentAsCompiled(), CHILD, child);
    cache.store(miss, new Rewritten(new byte[] {7}, List.of("jdbc")));
    Files.write(miss.entry, new byte[] {0x4D, 0x41});

    ClassCache.Lookup again = cache.lookup(parentAsCompiled(), CHILD, child);
    assertNull(again.stored);
    cache.store(again, new Rewritten(new byte[] {8}, List.of("jdbc")));
    assertArrayEquals(new byte[] {8}, cache.lookup(parentAsCompiled(), CHILD, child).stored.bytes);
  }

  @Test
  void anEntryMadeFromAnotherClassFileIsAMiss() throws IOException {
    byte[] child = classFile(Child.class);
    ClassCache cache = ClassCache.open(temp, "build", true);
    ClassCache.Lookup parentMiss = cache.lookup(parentAsCompiled(), PARENT, classFile(Parent.class));
    cache.store(parentMiss, new Rewritten(new byte[] {7}, List.of("jdbc")));
    ClassCache.Lookup childMiss = cache.lookup(parentAsCompiled(), CHILD, child);
    // As if the two keys collided: the child's key now names the parent's entry.
    Files.copy(parentMiss.entry, childMiss.entry);

    assertNull(cache.lookup(parentAsCompiled(), CHILD, child).stored);
    assertArrayEquals(
        new byte[] {7}, cache.lookup(parentAsCompiled(), PARENT, classFile(Parent.class)).stored.bytes);
  }

  @Test
  void aDamagedClassFileIsNeverCached() throws IOException {
    ClassCache cache = ClassCache.open(temp, "build", true);
    ClassCache.Lookup lookup = cache.lookup(parentAsCompiled(), "x/Y", new byte[] {1, 2, 3});

    assertSame(ClassCache.Lookup.UNCACHEABLE, lookup);
    cache.store(lookup, Rewritten.REFUSED);
    try (Stream<Path> files = Files.walk(temp)) {
      assertEquals(0, files.filter(Files::isRegularFile).count());
    }
  }

  @Test
  void countsTheOtherBuildsThatHoldEntries() throws IOException {
    byte[] child = classFile(Child.class);
    ClassCache other = ClassCache.open(temp, "build 1", true);
    other.store(other.lookup(parentAsCompiled(), CHILD, child), Rewritten.REFUSED);
    ClassCache.open(temp, "build 2", true); // made, nothing stored

    ClassCache cache = ClassCache.open(temp, "build 3", true);
    assertTrue(cache.startedEmpty());
    assertEquals(1, cache.otherBuildsWithEntries());
    assertEquals(0, other.otherBuildsWithEntries());
  }

  @Test
  void aDirectoryOthersMayWriteIsNotUsed() throws IOException {
    assumeTrue(temp.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path shared = Files.createDirectory(temp.resolve("shared"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));

    assertNull(ClassCache.open(shared, "build", true));
  }

  @Test
  void aNewDirectoryIsPrivate() throws IOException {
    assumeTrue(temp.getFileSystem().supportedFileAttributeViews().contains("posix"));
    ClassCache.open(temp.resolve("a/b"), "build", true);

    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve("a/b"))));
  }
}
