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
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the transformer decided for each class, kept on disk between starts ({@code
 * class_cache}): a restart that loads the same classes takes their rewritten class files (or
 * "refused") from here and never starts Byte Buddy, which is most of the agent's startup cost.
 *
 * <p>An entry is found by the SHA-256 of the class file, of the class files of its super types
 * outside {@code java.*} as its class loader sees them (a type matcher may depend on them), and
 * of the build: the agent jar, the JDK and the whole configuration, which name a subdirectory.
 * A changed class, library, agent, JDK or configuration therefore misses and is rewritten again;
 * nothing is ever invalidated in place. Classes a method rule rewrites are not stored: a rule
 * numbers the methods it instruments as they load.
 *
 * <p>Class files from here run in the application, so the directory must be the user's own:
 * created {@code rwx------}, and refused when someone else owns it or others may write to it.
 * Any problem reading or writing costs the cache, never the class: it is then rewritten as if
 * there were no cache.
 */
final class ClassCache {

  private static final int MAGIC = 0x4D414331; // "MAC1"
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
      Path directory = root.resolve(sha256Hex(build.getBytes(StandardCharsets.UTF_8)).substring(0, 16));
      createPrivateDirectories(root);
      createPrivateDirectories(directory);
      requireOwnAndPrivate(root, directory);
      boolean empty;
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
        empty = !entries.iterator().hasNext();
      }
      return new ClassCache(directory, empty, reportProblems);
    } catch (IOException | RuntimeException | NoSuchAlgorithmException e) {
      if (reportProblems) {
        System.err.println(
            "metrics-agent: class_cache.directory " + root + " is not used, classes are rewritten"
                + " at every start: " + e.getMessage());
      }
      return null;
    }
  }

  /** Whether this build had no entries yet: the start then rewrites, and stores, everything. */
  boolean startedEmpty() {
    return startedEmpty;
  }

  long hits() {
    return hits.get();
  }

  long misses() {
    return misses.get();
  }

  /** The stored decision for the class, or a miss that {@link #store} can later fill. */
  Lookup lookup(ClassLoader loader, String internalName, byte[] classFile) {
    byte[] key;
    try {
      key = key(loader, internalName, classFile);
    } catch (IOException | RuntimeException | NoSuchAlgorithmException e) {
      return Lookup.UNCACHEABLE;
    }
    Path entry = directory.resolve(hex(key));
    try {
      if (Files.exists(entry)) {
        Rewritten stored = read(Files.readAllBytes(entry));
        hits.incrementAndGet();
        return new Lookup(entry, stored);
      }
    } catch (IOException | RuntimeException unreadable) {
      // Rewritten again, and stored again over it.
    }
    misses.incrementAndGet();
    return new Lookup(entry, null);
  }

  void store(Lookup miss, Rewritten decision) {
    if (miss.entry == null || writeFailed.get()) {
      return;
    }
    try {
      Path partial = Files.createTempFile(directory, "entry", ".partial");
      try {
        Files.write(partial, write(decision));
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
    static final Lookup UNCACHEABLE = new Lookup(null, null);

    final Path entry;
    /** Null on a miss. */
    final Rewritten stored;

    private Lookup(Path entry, Rewritten stored) {
      this.entry = entry;
      this.stored = stored;
    }
  }

  private static byte[] key(ClassLoader loader, String internalName, byte[] classFile)
      throws IOException, NoSuchAlgorithmException {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    update(digest, internalName, classFile);
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
          update(digest, name, superClassFile);
          if (superClassFile.length > 0) {
            pending.add(superClassFile);
          }
        }
      }
    }
    return digest.digest();
  }

  /** The class file as the loader sees it, or no bytes when it has none. */
  private static byte[] read(ClassLoader loader, String internalName) throws IOException {
    try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
      return in == null ? new byte[0] : in.readAllBytes();
    }
  }

  private static void update(MessageDigest digest, String name, byte[] classFile) {
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    digest.update(lengthOf(nameBytes.length));
    digest.update(nameBytes);
    digest.update(lengthOf(classFile.length));
    digest.update(classFile);
  }

  private static byte[] lengthOf(int length) {
    return new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
  }

  private static byte[] write(Rewritten decision) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
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

  private static Rewritten read(byte[] entry) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(entry));
    if (in.readInt() != MAGIC) {
      throw new IOException("not a class_cache entry");
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
    byte[] classFile = new byte[in.readInt()];
    in.readFully(classFile);
    if (in.read() != -1) {
      throw new IOException("trailing bytes");
    }
    return new Rewritten(classFile, List.copyOf(instrumentations));
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
    Path probe = Files.createTempFile(directory, "owner", ".probe");
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

  private static String sha256Hex(byte[] bytes) throws NoSuchAlgorithmException {
    return hex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static String hex(byte[] bytes) {
    StringBuilder hex = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
    }
    return hex.toString();
  }
}
