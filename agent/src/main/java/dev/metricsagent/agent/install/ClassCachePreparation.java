package dev.metricsagent.agent.install;

import dev.metricsagent.config.AgentConfig;
import dev.metricsagent.config.RuleConfig;
import dev.metricsagent.instrumentation.api.ClassFileFilter;
import dev.metricsagent.instrumentation.api.ClassInfo;
import dev.metricsagent.instrumentation.api.InstrumentationModule;
import dev.metricsagent.instrumentation.rules.RuleMatchers;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.bytebuddy.pool.TypePool;

/**
 * Fills the class cache before the application's first start ({@code java -jar
 * metrics-agent.jar prepare-cache}), so that a container image starts the first time as fast as
 * a host whose cache an earlier start filled. Every class of the class path and of the JDK that
 * the pre-filter lets through is looked up, rewritten and stored as a start would do it, through
 * a class loader that sees what the application's sees, under the same build (agent jar, JDK,
 * configuration): the entries are the ones the start would have written. The class path's
 * classes the pre-filter turns away go into the build's {@link RejectedClassFiles}, so that the
 * start does not scan them either.
 *
 * <p>Classes a method rule selects are left to the start, which never caches them either.
 */
public final class ClassCachePreparation {

  private static final int MAX_REPORTED_ERRORS = 10;

  private final ClassCache cache;
  private final RejectedClassFiles rejected;
  private final ClassFileFilter filter;
  private final Rewriter rewriter;
  private final List<RuleMatchers> rules = new ArrayList<>();
  private final ClassInfoCache classInfos = new ClassInfoCache();
  private final PrintStream err;
  private final List<String> sources = new ArrayList<>();
  private int leftToRules;
  private int lackingTypes;
  private int failed;

  private ClassCachePreparation(
      ClassCache cache, List<InstrumentationModule> modules, List<RuleConfig> rules, PrintStream err) {
    this.cache = cache;
    this.rejected = RejectedClassFiles.in(cache.directory());
    this.filter = InstrumentationInstaller.filterOf(modules);
    this.rewriter = new Rewriter(ClassCachePreparation.class.getClassLoader(), modules);
    for (RuleConfig rule : rules) {
      this.rules.add(new RuleMatchers(rule));
    }
    this.err = err;
  }

  /**
   * The preparation of the configuration's cache for this build, or null, said on {@code err},
   * when the configuration has no cache or its directory cannot be used.
   *
   * @param active the instrumentations the configuration enables; the method rules' module has no
   *     types before it starts, and the rules themselves are only asked what they select
   */
  public static ClassCachePreparation open(
      List<InstrumentationModule> active, AgentConfig config, String build, PrintStream err) {
    if (!config.classCache().enabled()) {
      err.println("metrics-agent prepare-cache: class_cache.enabled is false, there is no cache to fill");
      return null;
    }
    ClassCache cache = InstrumentationInstaller.openCache(config.classCache(), build, true);
    if (cache == null) {
      if (config.classCache().directory() == null) {
        err.println(
            "metrics-agent prepare-cache: the default class_cache.directory "
                + InstrumentationInstaller.defaultDirectory() + " cannot be used (see above)");
      }
      return null;
    }
    return new ClassCachePreparation(cache, active, config.rules(), err);
  }

  /** The build's directory, where the entries go. */
  public Path directory() {
    return cache.directory();
  }

  /**
   * Every class in these jars and folders, and in the jars their manifests' {@code Class-Path}
   * names, as an application started with this class path would load them; and every class a
   * Spring Boot executable jar among them nests, as Spring Boot's launcher would load it.
   */
  public void classPath(List<Path> entries) throws IOException {
    ClassPathContents contents = ClassPathContents.read(entries);
    prepare("class path", entries, contents);
    for (Path jar : contents.springBootJars()) {
      springBootJar(jar);
    }
  }

  /**
   * A Spring Boot executable jar's classes and libraries, unpacked for the time of the
   * preparation: {@code BOOT-INF/classes} first, then the libraries in the order of {@code
   * BOOT-INF/classpath.idx}, which is how its launcher's class loader searches them.
   */
  private void springBootJar(Path jar) throws IOException {
    Path unpacked = Files.createTempDirectory("metrics-agent-prepare-cache");
    try {
      List<Path> entries = SpringBootJar.unpack(jar, unpacked);
      prepare("Spring Boot jar " + jar.getFileName(), entries, ClassPathContents.read(entries));
    } finally {
      try (Stream<Path> files = Files.walk(unpacked)) {
        for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  /** @param entries the class loader's search path; it follows Class-Path manifests as the JVM's does */
  private void prepare(String source, List<Path> entries, ClassPathContents contents) throws IOException {
    List<URL> urls = new ArrayList<>();
    for (Path entry : entries) {
      urls.add(entry.toUri().toURL());
    }
    try (URLClassLoader loader =
        new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
      Tally tally = new Tally(source);
      for (String internalName : contents.classNames()) {
        byte[] classFile;
        try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
          classFile = in == null ? null : in.readAllBytes();
        }
        if (classFile != null) {
          prepare(loader.getUnnamedModule(), loader, internalName, classFile, tally);
        }
      }
      sources.add(tally.toString());
    }
    rejected.save();
  }

  /** Every class of the JDK's modules that this JVM resolved, as their own loaders define them. */
  public void jdk() throws IOException {
    FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
    Tally tally = new Tally("JDK");
    for (Module module : ModuleLayer.boot().modules()) {
      Path root = jrt.getPath("/modules", module.getName());
      List<Path> files;
      try (Stream<Path> walk = Files.walk(root)) {
        files = walk.filter(Files::isRegularFile).collect(Collectors.toList());
      }
      for (Path file : files) {
        String internalName = ClassPathContents.internalNameOf(root.relativize(file).toString());
        if (internalName != null) {
          prepare(module, module.getClassLoader(), internalName, Files.readAllBytes(file), tally);
        }
      }
    }
    sources.add(tally.toString());
  }

  /** Whether every decision was stored; the cache said on standard error why not. */
  public boolean complete() {
    return !cache.writeFailed();
  }

  /** What was read, rewritten and stored, one line per source, and what was not stored. */
  public String summary() {
    return String.join("\n", sources)
        + "\nnot stored: "
        + leftToRules
        + " selected by method rules (rewritten at each start), "
        + lackingTypes
        + " naming types the class path lacks (which cannot load), "
        + failed
        + " failed";
  }

  private void prepare(
      Module module, ClassLoader loader, String internalName, byte[] classFile, Tally tally) {
    tally.read++;
    if (!InstrumentingTransformer.passes(filter, rejected, module, loader, internalName, classFile)) {
      return;
    }
    tally.passed++;
    ClassCache.Lookup lookup = cache.lookup(loader, internalName, classFile);
    if (lookup.stored != null) {
      tally.alreadyStored++;
      return;
    }
    String typeName = internalName.replace('/', '.');
    List<String> matched = new ArrayList<>(2);
    try {
      if (lookup.entry == null) {
        throw new IOException("its class file or a super type's cannot be read");
      }
      if (selectedByRules(loader, typeName)) {
        leftToRules++;
        return;
      }
      Rewritten rewritten = rewriter.rewrite(loader, typeName, classFile, true, matched);
      cache.store(lookup, rewritten);
      if (rewritten.refused()) {
        tally.refused++;
      } else {
        tally.rewritten++;
      }
    } catch (TypePool.Resolution.NoSuchTypeException missing) {
      lackingTypes++;
    } catch (Throwable error) {
      if (++failed <= MAX_REPORTED_ERRORS) {
        err.println("metrics-agent prepare-cache: left " + typeName + " to the start: " + error);
      }
    }
  }

  private boolean selectedByRules(ClassLoader loader, String typeName) {
    if (rules.isEmpty()) {
      return false;
    }
    ClassInfo type = classInfos.of(loader).resolve(typeName);
    if (type == null) {
      throw new IllegalStateException("its class file cannot be read");
    }
    for (RuleMatchers rule : rules) {
      if (rule.selectsType(type)) {
        return true;
      }
    }
    return false;
  }

  /** Counts for one source of classes. */
  private static final class Tally {
    private final String source;
    int read;
    int passed;
    int alreadyStored;
    int rewritten;
    int refused;

    Tally(String source) {
      this.source = source;
    }

    @Override
    public String toString() {
      return source + ": " + read + " classes, " + passed + " through the pre-filter: " + rewritten
          + " rewritten, " + refused + " left alone, " + alreadyStored + " already stored";
    }
  }
}
