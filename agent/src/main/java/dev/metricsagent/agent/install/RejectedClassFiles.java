package dev.metricsagent.agent.install;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * The class files the pre-filter rejected at earlier starts of the same build, kept beside the
 * {@link ClassCache}'s entries, so that a later start rejects them again without reading them.
 * On the demo that is about 1,100 classes a start, whose scans cost the application's thread
 * some 13 ms and C2 the compilation of the scan (see docs/performance.md).
 *
 * <p>A class file is known by 64 bits: its CRC-32C and its CRC-32, which the JVM computes with
 * native code from the first call, before any JIT has compiled anything (the 2,725 class files of
 * the demo's libraries in 3-4 ms, interpreted too). The pre-filter's answer depends on the class file and on the build (the
 * instrumentations and rules), whose subdirectory holds the file, so a class file known here is
 * one the filter rejects. Wrongly skipping a class would take two class files that agree in both
 * checksums, one rejected and the other accepted: about one in 2^64 per pair, by accident, and
 * whoever could craft such a pair can put any class on the application's class path anyway.
 *
 * <p>What a start adds is written by {@link #save}, which the installer calls from an agent
 * thread while the application runs and once more as the JVM exits; each save merges with what
 * the file holds then, so applications that share a build's directory add up instead of
 * overwriting each other (two saves at the same moment may lose one's additions, which its next
 * start makes again). Any problem reading or writing costs the speed-up, never a class.
 */
final class RejectedClassFiles {

  static final String FILE_NAME = "rejected-by-pre-filter";
  private static final int MAGIC = 0x4D415246; // "MARF"
  /** Bounds the file, and a start's memory for it: 8 bytes per class file. */
  private static final int MAX_CLASS_FILES = 1 << 20;

  private final Path file;
  /** Sorted, read once when the start opens it. */
  private final long[] known;
  /** What this start rejected, under this object's monitor: the transformer may load no class. */
  private long[] added = new long[1024];
  private int addedCount;
  private int savedCount;
  private boolean saveFailed;

  private RejectedClassFiles(Path file, long[] known) {
    this.file = file;
    this.known = known;
  }

  /** What earlier starts of the build whose cache directory this is rejected. */
  static RejectedClassFiles in(Path buildDirectory) {
    Path file = buildDirectory.resolve(FILE_NAME);
    return new RejectedClassFiles(file, read(file));
  }

  static long keyOf(byte[] classFile) {
    CRC32C crc32c = new CRC32C();
    crc32c.update(classFile, 0, classFile.length);
    CRC32 crc32 = new CRC32();
    crc32.update(classFile, 0, classFile.length);
    return crc32c.getValue() << 32 | crc32.getValue();
  }

  /** Whether an earlier start's pre-filter rejected the class file with this key. */
  boolean knows(long key) {
    return Arrays.binarySearch(known, key) >= 0;
  }

  /** A class file this start's pre-filter rejected, for the next save. */
  synchronized void add(long key) {
    if (addedCount == added.length) {
      if (added.length >= MAX_CLASS_FILES) {
        return;
      }
      added = Arrays.copyOf(added, added.length * 2);
    }
    added[addedCount++] = key;
  }

  /**
   * Writes what this start added since the last save, merged with what the file holds now (other
   * starts may have saved meanwhile). Does nothing when nothing was added, or after a failure.
   */
  void save() {
    long[] unsaved;
    synchronized (this) {
      if (addedCount == savedCount || saveFailed) {
        return;
      }
      unsaved = Arrays.copyOf(added, addedCount);
      savedCount = addedCount;
    }
    try {
      write(merged(read(file), unsaved));
    } catch (IOException | RuntimeException e) {
      synchronized (this) {
        saveFailed = true; // a directory that cannot be written stays so; ClassCache says why
      }
    }
  }

  private static long[] merged(long[] sorted, long[] more) {
    long[] all = Arrays.copyOf(sorted, sorted.length + more.length);
    System.arraycopy(more, 0, all, sorted.length, more.length);
    Arrays.sort(all);
    int distinct = 0;
    for (int i = 0; i < all.length; i++) {
      if (i == 0 || all[i] != all[i - 1]) {
        all[distinct++] = all[i];
      }
    }
    return Arrays.copyOf(all, Math.min(distinct, MAX_CLASS_FILES));
  }

  private void write(long[] keys) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 + keys.length * 8);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(keys.length);
      for (long key : keys) {
        out.writeLong(key);
      }
    }
    // As ClassCache stores an entry: the directory is the user's alone, the name this thread's.
    Path partial =
        file.resolveSibling(FILE_NAME + "." + Thread.currentThread().getId() + "-" + System.nanoTime() + ".partial");
    try {
      Files.write(partial, bytes.toByteArray());
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /** The file's keys, sorted; none when it is missing or damaged. */
  private static long[] read(Path file) {
    try {
      ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
      if (in.remaining() < 8 || in.getInt() != MAGIC) {
        return new long[0];
      }
      int count = in.getInt();
      if (count < 0 || count > MAX_CLASS_FILES || in.remaining() != count * 8L) {
        return new long[0];
      }
      long[] keys = new long[count];
      in.asLongBuffer().get(keys);
      for (int i = 1; i < count; i++) {
        if (keys[i - 1] >= keys[i]) {
          return new long[0]; // not written by save: not to be trusted for a binary search
        }
      }
      return keys;
    } catch (IOException | RuntimeException missingOrUnreadable) {
      return new long[0];
    }
  }
}
