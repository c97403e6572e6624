package dev.metricsagent.agent.install;

import dev.metricsagent.instrumentation.api.SuperTypeNames;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * What the transformer decided for each class, kept on disk between starts ({@code
 * class_cache}): a restart that loads the same classes takes their rewritten class files (or
 * "refused") from here and never starts Byte Buddy, which is most of the agent's startup cost.
 *
 * <p>An entry is found by a {@link Fingerprint} of the class file and of the class files of its
 * super types outside {@code java.*} as its class loader sees them (a type matcher may depend on
 * them), in a subdirectory named by the fingerprint of the build: the agent jar, the JDK and the
 * whole configuration. A found entry is used only if the class file it was made from is the
 * class file being loaded, byte for byte. A changed class, library, agent, JDK or configuration
 * therefore misses and is rewritten again; nothing is ever invalidated in place. Classes a method
 * rule rewrites are not stored: a rule numbers the methods it instruments as they load.
 *
 * <p>Class files from here run in the application, so the directory must be the user's own:
 * created {@code rwx------}, and refused when someone else owns it or others may write to it.
 * Any problem reading or writing costs the cache, never the class: it is then rewritten as if
 * there were no cache.
 */
final class ClassCache {

  private static final int MAGIC = 0x4D414332; // "MAC2"
  private static final int REFUSED = 0;
  private static final int REWRITTEN = 1;
  /** Bounds the super-type walk of a pathological hierarchy. */
  private static final int MAX_SUPER_TYPES = 64;

  private final Path directory;
  private final boolean startedEmpty;
  private final boolean reportProblems;
  private final AtomicBoolean writeFailed = new AtomicBoolean();
  /** AtomicLongs for the transformer's path, which must load nothing (see AgentMetrics). */
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  private ClassCache(Path directory, boolean startedEmpty, boolean reportProblems) {
    this.directory = directory;
    this.startedEmpty = startedEmpty;
    this.reportProblems = reportProblems;
  }

  /**
   * The cache under {@code root} for this build, or null when the directory cannot be used.
   *
   * @param build what the rewritten classes depend on besides themselves: the agent jar, the
   *     JDK, the configuration
   * @param reportProblems whether to say on standard error why the directory cannot be used or
   *     written
   */
  static ClassCache open(Path root, String build, boolean reportProblems) {
    try {
      Fingerprint buildFingerprint = new Fingerprint();
      buildFingerprint.update(build.getBytes(StandardCharsets.UTF_8));
      Path directory = root.resolve(buildFingerprint.hex());
      createPrivateDirectories(root);
      createPrivateDirectories(directory);
      requireOwnAndPrivate(root, directory);
      boolean empty;
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
        empty = !entries.iterator().hasNext();
      }
      return new ClassCache(directory, empty, reportProblems);
    } catch (IOException | RuntimeException e) {
      if (reportProblems) {
        System.err.println(
            "metrics-agent: class_cache.directory " + root + " is not used, classes are rewritten"
                + " at every start: " + (e.getClass() == IOException.class ? e.getMessage() : e));
      }
      return null;
    }
  }

  /**
   * How many other builds (agent jars, JDKs, configurations) have entries beside this one: a
   * prepared cache that a start cannot use because something that names its build differs.
   */
  int otherBuildsWithEntries() {
    int others = 0;
    try (DirectoryStream<Path> builds = Files.newDirectoryStream(directory.getParent(), Files::isDirectory)) {
      for (Path build : builds) {
        if (!build.equals(directory)) {
          try (DirectoryStream<Path> entries = Files.newDirectoryStream(build)) {
            others += entries.iterator().hasNext() ? 1 : 0;
          }
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      // Only a hint is lost.
    }
    return others;
  }

  /** This build's subdirectory. */
  Path directory() {
    return directory;
  }

  /** Whether this build had no entries yet: the start then rewrites, and stores, everything. */
  boolean startedEmpty() {
    return startedEmpty;
  }

  /** Whether a store failed, after which nothing more is stored (said once, when reporting). */
  boolean writeFailed() {
    return writeFailed.get();
  }

  long hits() {
    return hits.get();
  }

  long misses() {
    return misses.get();
  }

  /** The stored decision for the class, or a miss that {@link #store} can later fill. */
  Lookup lookup(ClassLoader loader, String internalName, byte[] classFile) {
    return lookup(loader, internalName, classFile, true);
  }

  /**
   * The same, for the class as rewritten with or without the instrumentations' added fields
   * ({@link AddedFieldAdmission}): two entries, as one class file can be rewritten either way.
   */
  Lookup lookup(ClassLoader loader, String internalName, byte[] classFile, boolean withAddedFields) {
    String key;
    try {
      key = key(loader, internalName, classFile, withAddedFields);
    } catch (IOException | RuntimeException e) {
      return Lookup.UNCACHEABLE;
    }
    Path entry = directory.resolve(key);
    try {
      if (Files.exists(entry)) {
        Rewritten stored = read(Files.readAllBytes(entry), classFile);
        if (stored != null) {
          hits.incrementAndGet();
          return new Lookup(entry, classFile, stored);
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      // Rewritten again, and stored again over it.
    }
    misses.incrementAndGet();
    return new Lookup(entry, classFile, null);
  }

  void store(Lookup miss, Rewritten decision) {
    if (miss.entry == null || writeFailed.get()) {
      return;
    }
    try {
      // Not Files.createTempFile, whose SecureRandom costs a start 10-30 ms; the directory is
      // the user's alone, and the name is this thread's alone.
      String unique = Thread.currentThread().getId() + "-" + System.nanoTime();
      Path partial = directory.resolve(miss.entry.getFileName() + "." + unique + ".partial");
      try {
        Files.write(partial, write(miss.classFile, decision));
        Files.move(partial, miss.entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException | RuntimeException e) {
      if (writeFailed.compareAndSet(false, true) && reportProblems) {
        System.err.println(
            "metrics-agent: class_cache.directory " + directory + " cannot be written, no more classes are"
                + " stored: " + e);
      }
    }
  }

  /** The outcome of a lookup: a stored decision, or the entry a miss would be stored in. */
  static final class Lookup {
    /** The key could not be computed (a damaged class file, an unreadable super type). */
    static final Lookup UNCACHEABLE = new Lookup(null, null, null);

    final Path entry;
    final byte[] classFile;
    /** Null on a miss. */
    final Rewritten stored;

    private Lookup(Path entry, byte[] classFile, Rewritten stored) {
      this.entry = entry;
      this.classFile = classFile;
      this.stored = stored;
    }
  }

  private static String key(
      ClassLoader loader, String internalName, byte[] classFile, boolean withAddedFields)
      throws IOException {
    Fingerprint fingerprint = new Fingerprint();
    update(fingerprint, internalName, classFile);
    if (!withAddedFields) { // the usual shape's key stays as prepare-cache computes it
      update(fingerprint, "without added fields", new byte[0]);
    }
    if (loader != null) { // the bootstrap's classes are the JDK's, which the build names
      Deque<byte[]> pending = new ArrayDeque<>();
      pending.add(classFile);
      Set<String> seen = new HashSet<>();
      while (!pending.isEmpty()) {
        List<String> superTypes = SuperTypeNames.of(pending.poll());
        if (superTypes == null || seen.size() > MAX_SUPER_TYPES) {
          throw new IOException("cannot read the super types of " + internalName);
        }
        for (String name : superTypes) {
          if (name.startsWith("java/") || !seen.add(name)) {
            continue;
          }
          byte[] superClassFile = read(loader, name);
          update(fingerprint, name, superClassFile);
          if (superClassFile.length > 0) {
            pending.add(superClassFile);
          }
        }
      }
    }
    return fingerprint.hex();
  }

  /** The class file as the loader sees it, or no bytes when it has none. */
  private static byte[] read(ClassLoader loader, String internalName) throws IOException {
    try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
      return in == null ? new byte[0] : in.readAllBytes();
    }
  }

  private static void update(Fingerprint fingerprint, String name, byte[] classFile) {
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    fingerprint.update(lengthOf(nameBytes.length));
    fingerprint.update(nameBytes);
    fingerprint.update(lengthOf(classFile.length));
    fingerprint.update(classFile);
  }

  private static byte[] lengthOf(int length) {
    return new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
  }

  private static byte[] write(byte[] classFile, Rewritten decision) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(classFile.length);
      out.write(classFile);
      out.writeInt(decision.refused() ? REFUSED : REWRITTEN);
      out.writeInt(decision.instrumentations.size());
      for (String instrumentation : decision.instrumentations) {
        out.writeUTF(instrumentation);
      }
      if (!decision.refused()) {
        out.writeInt(decision.bytes.length);
        out.write(decision.bytes);
      }
    }
    return bytes.toByteArray();
  }

  /** The decision stored for {@code classFile}, or null when the entry was made from another. */
  private static Rewritten read(byte[] entry, byte[] classFile) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(entry));
    if (in.readInt() != MAGIC) {
      throw new IOException("not a class_cache entry");
    }
    byte[] original = new byte[in.readInt()];
    in.readFully(original);
    if (!Arrays.equals(original, classFile)) {
      return null;
    }
    int kind = in.readInt();
    int count = in.readInt();
    List<String> instrumentations = new ArrayList<>(Math.min(count, 16));
    for (int i = 0; i < count; i++) {
      instrumentations.add(in.readUTF());
    }
    if (kind == REFUSED) {
      return Rewritten.REFUSED;
    }
    byte[] rewritten = new byte[in.readInt()];
    in.readFully(rewritten);
    if (in.read() != -1) {
      throw new IOException("trailing bytes");
    }
    return new Rewritten(rewritten, List.copyOf(instrumentations));
  }

  private static void createPrivateDirectories(Path directory) throws IOException {
    if (Files.isDirectory(directory)) {
      return;
    }
    if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createDirectories(
          directory,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectories(directory);
    }
  }

  /**
   * The cache's class files run in the application: only the user it runs as may have written
   * them. A file created here is ours; the directories must have the same owner, and nobody
   * else may write to them.
   */
  private static void requireOwnAndPrivate(Path root, Path directory) throws IOException {
    // CREATE_NEW, as createTempFile would: a link someone else put there is not followed.
    Path probe = directory.resolve("owner-" + System.nanoTime() + ".probe");
    Files.write(probe, new byte[0], StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    try {
      for (Path checked : new Path[] {root, directory}) {
        if (!Files.getOwner(checked, LinkOption.NOFOLLOW_LINKS).equals(Files.getOwner(probe))) {
          throw new IOException(checked + " belongs to " + Files.getOwner(checked) + ", not to this user");
        }
        PosixFileAttributeView posix =
            Files.getFileAttributeView(checked, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (posix != null) {
          Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
          if (permissions.contains(PosixFilePermission.GROUP_WRITE)
              || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IOException(checked + " may be written by other users (chmod go-w)");
          }
        }
      }
    } finally {
      Files.deleteIfExists(probe);
    }
  }

  /**
   * 128 bits: CRC-32C, CRC-32 and Adler-32 of the same bytes, and their length. The JDK computes
   * all three natively, so they cost a start a few milliseconds where SHA-256, interpreted and
   * behind the security providers' set-up, cost 30-50 ms. Not a cryptographic hash, and not
   * needed as one: only the user can write the directory, and a hit is confirmed by comparing
   * the class file itself.
   */
  private static final class Fingerprint {
    private final CRC32C crc32c = new CRC32C();
    private final CRC32 crc32 = new CRC32();
    private final Adler32 adler32 = new Adler32();
    private int length;

    void update(byte[] bytes) {
      crc32c.update(bytes, 0, bytes.length);
      crc32.update(bytes, 0, bytes.length);
      adler32.update(bytes, 0, bytes.length);
      length += bytes.length;
    }

    String hex() {
      return hex8(crc32c.getValue()) + hex8(crc32.getValue()) + hex8(adler32.getValue()) + hex8(length);
    }

    private static String hex8(long value) {
      String hex = Long.toHexString(value & 0xFFFFFFFFL);
      return "00000000".substring(hex.length()) + hex;
    }
  }
}
