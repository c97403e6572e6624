package dev.metricsagent.agent.install;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metricsagent.agent.install.fixtures.PlainStatement;
import dev.metricsagent.instrumentation.api.ClassFileFilter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectedClassFilesTest {

  private static final byte[] REJECTED = {1, 2, 3};
  private static final byte[] OTHER = {1, 2, 4};

  @TempDir Path build;

  @Test
  void whatAStartRejectedIsKnownToTheNextOne() {
    RejectedClassFiles first = RejectedClassFiles.in(build);
    assertFalse(first.knows(RejectedClassFiles.keyOf(REJECTED)));
    first.add(RejectedClassFiles.keyOf(REJECTED));
    first.save();

    RejectedClassFiles next = RejectedClassFiles.in(build);
    assertTrue(next.knows(RejectedClassFiles.keyOf(REJECTED)));
    assertFalse(next.knows(RejectedClassFiles.keyOf(OTHER)));
  }

  @Test
  void startsSharingADirectoryAddUpInsteadOfOverwritingEachOther() {
    RejectedClassFiles one = RejectedClassFiles.in(build);
    RejectedClassFiles other = RejectedClassFiles.in(build);
    one.add(RejectedClassFiles.keyOf(REJECTED));
    other.add(RejectedClassFiles.keyOf(OTHER));
    one.save();
    other.save();
    one.add(RejectedClassFiles.keyOf(REJECTED)); // again, by another class loader
    one.save();

    RejectedClassFiles next = RejectedClassFiles.in(build);
    assertTrue(next.knows(RejectedClassFiles.keyOf(REJECTED)));
    assertTrue(next.knows(RejectedClassFiles.keyOf(OTHER)));
    assertTrue(Files.exists(build.resolve(RejectedClassFiles.FILE_NAME)));
  }

  @Test
  void aStartThatRejectedNothingNewWritesNothing() {
    RejectedClassFiles.in(build).save();
    assertFalse(Files.exists(build.resolve(RejectedClassFiles.FILE_NAME)));
  }

  @Test
  void aDamagedFileIsIgnoredAndReplaced() throws IOException {
    long rejected = RejectedClassFiles.keyOf(REJECTED);
    ByteBuffer unsorted = ByteBuffer.allocate(24).putInt(0x4D415246).putInt(2).putLong(rejected).putLong(rejected - 1);
    for (byte[] damaged : new byte[][] {{1, 2, 3}, unsorted.array(), new byte[0]}) {
      Files.write(build.resolve(RejectedClassFiles.FILE_NAME), damaged);
      RejectedClassFiles start = RejectedClassFiles.in(build);
      assertFalse(start.knows(rejected));
      start.add(RejectedClassFiles.keyOf(OTHER));
      start.save();
      assertTrue(RejectedClassFiles.in(build).knows(RejectedClassFiles.keyOf(OTHER)));
    }
  }

  @Test
  void aDirectoryRemovedMeanwhileCostsTheSaveNothingElse() throws IOException {
    Path removed = Files.createDirectory(build.resolve("removed"));
    RejectedClassFiles start = RejectedClassFiles.in(removed);
    start.add(RejectedClassFiles.keyOf(REJECTED));
    Files.delete(removed);

    start.save();
    start.add(RejectedClassFiles.keyOf(OTHER));
    start.save();

    assertFalse(Files.exists(removed)); // nothing thrown, nothing made
  }

  @Test
  void keysTellClassFilesApart() {
    assertNotEquals(RejectedClassFiles.keyOf(REJECTED), RejectedClassFiles.keyOf(OTHER));
  }

  /**
   * The transformer's pre-filter remembers what it rejects, and takes a class file it knows for
   * rejected without asking the filter: here one the filter would have accepted, which no real
   * start can have stored.
   */
  @Test
  void thePreFilterAddsWhatItRejectsAndSkipsWhatItKnows() throws IOException {
    ClassFileFilter filter = ClassFileFilter.mentions("java/sql/Statement");
    String name = PlainStatement.class.getName().replace('.', '/');
    byte[] accepted = classFile(PlainStatement.class);
    byte[] rejected = classFile(Object.class);
    Module module = getClass().getModule();
    ClassLoader loader = getClass().getClassLoader();

    RejectedClassFiles first = RejectedClassFiles.in(build);
    assertTrue(InstrumentingTransformer.passes(filter, first, module, loader, name, accepted));
    assertFalse(InstrumentingTransformer.passes(filter, first, module, loader, name, rejected));
    first.save();
    RejectedClassFiles next = RejectedClassFiles.in(build);
    assertTrue(next.knows(RejectedClassFiles.keyOf(rejected)));
    assertFalse(next.knows(RejectedClassFiles.keyOf(accepted)));

    next.add(RejectedClassFiles.keyOf(accepted));
    next.save();
    assertFalse(InstrumentingTransformer.passes(filter, RejectedClassFiles.in(build), module, loader, name, accepted));
  }

  private static byte[] classFile(Class<?> type) throws IOException {
    try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
      return in.readAllBytes();
    }
  }
}
