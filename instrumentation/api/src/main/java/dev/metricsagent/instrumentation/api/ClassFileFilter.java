package dev.metricsagent.instrumentation.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A test of a class file before Byte Buddy sees it: by its name, or by the names its constant
 * pool mentions, read straight from the bytes without parsing the class. Most classes an
 * application loads concern no instrumentation; this lets the agent skip them for the price of
 * a hash lookup or a pass over the constant pool, instead of a type description and every
 * family's matchers (measured: most of the agent's startup cost).
 *
 * <p>A filter must be conservative: it may accept a class that the type matcher then rejects,
 * never reject one the matcher would accept.
 */
public final class ClassFileFilter {

  private static final ClassFileFilter ANY = new ClassFileFilter(true, Set.of(), List.of(), List.of());
  private static final ClassFileFilter NONE = new ClassFileFilter(false, Set.of(), List.of(), List.of());

  private final boolean any;
  private final Set<String> names;
  private final List<String> prefixes;
  private final List<Mentions> mentions;
  /** Every clause's first fragments, scanned for in one pass; at most 64. */
  private final Fragments firstFragments;

  private ClassFileFilter(
      boolean any, Set<String> names, List<String> prefixes, List<Mentions> mentions) {
    this.any = any;
    this.names = names;
    this.prefixes = prefixes;
    this.mentions = mentions;
    List<byte[]> first = new ArrayList<>();
    for (Mentions clause : mentions) {
      first.addAll(clause.groups.get(0));
    }
    this.firstFragments = new Fragments(first);
  }

  /** Lets every class through: for type matchers that nothing cheaper can anticipate. */
  public static ClassFileFilter any() {
    return ANY;
  }

  /** Lets no class through; the start of an {@link #or} chain. */
  public static ClassFileFilter none() {
    return NONE;
  }

  /** Classes with one of these names ({@code java.net.HttpURLConnection} form). */
  public static ClassFileFilter named(String... classNames) {
    Set<String> internal = new HashSet<>();
    for (String name : classNames) {
      internal.add(name.replace('.', '/'));
    }
    return new ClassFileFilter(false, Collections.unmodifiableSet(internal), List.of(), List.of());
  }

  /** Classes whose name starts with one of these prefixes ({@code com.example.} form). */
  public static ClassFileFilter nameStartsWith(String... prefixes) {
    List<String> internal = new ArrayList<>();
    for (String prefix : prefixes) {
      internal.add(prefix.replace('.', '/'));
    }
    return new ClassFileFilter(false, Set.of(), Collections.unmodifiableList(internal), List.of());
  }

  /**
   * Classes whose constant pool mentions one of these fragments anywhere in a name or
   * descriptor ({@code javax/servlet/} form): a class that implements a method taking or
   * returning a library type names that type in its method descriptors.
   */
  public static ClassFileFilter mentions(String... fragments) {
    return new ClassFileFilter(
        false,
        Set.of(),
        List.of(),
        List.of(new Mentions(List.of(ascii(fragments)), List.of(), List.of())));
  }

  /**
   * Narrows a {@link #mentions} filter: the class must also mention one of these fragments
   * (typically the names of the methods to instrument). Checked only for classes that passed
   * the first fragments, so it costs the other classes nothing.
   */
  public ClassFileFilter andMentions(String... fragments) {
    Mentions clause = singleMentionsClause("andMentions");
    List<List<byte[]>> groups = new ArrayList<>(clause.groups);
    groups.add(ascii(fragments));
    return new ClassFileFilter(
        false,
        Set.of(),
        List.of(),
        List.of(new Mentions(groups, clause.excludedPrefixes, clause.declaredSignatures)));
  }

  /**
   * Narrows a {@link #mentions} filter: the class must be a class, not an interface, that
   * declares a method with code (not abstract) whose name followed by its descriptor starts
   * with one of these: {@code "execute"} for any method named execute..., {@code
   * "service(Ljavax/servlet/ServletRequest;Ljavax/servlet/ServletResponse;)"} for that method.
   * For type matchers that only instrument methods a class declares: the constant pool also
   * names the methods a class merely calls, which most of a library's classes do. Read only for
   * the classes that passed the rest of the filter.
   */
  public ClassFileFilter andDeclaresConcrete(String... signatures) {
    Mentions clause = singleMentionsClause("andDeclaresConcrete");
    List<byte[]> declared = new ArrayList<>(clause.declaredSignatures);
    declared.addAll(ascii(signatures));
    return new ClassFileFilter(
        false, Set.of(), List.of(), List.of(new Mentions(clause.groups, clause.excludedPrefixes, declared)));
  }

  /**
   * Narrows a {@link #mentions} filter: classes whose name starts with one of these prefixes
   * ({@code com.example.} form) are not accepted, whatever they mention.
   */
  public ClassFileFilter exceptNamesStartingWith(String... prefixes) {
    Mentions clause = singleMentionsClause("exceptNamesStartingWith");
    List<String> excluded = new ArrayList<>(clause.excludedPrefixes);
    for (String prefix : prefixes) {
      excluded.add(prefix.replace('.', '/'));
    }
    return new ClassFileFilter(
        false, Set.of(), List.of(), List.of(new Mentions(clause.groups, excluded, clause.declaredSignatures)));
  }

  private Mentions singleMentionsClause(String method) {
    if (any || !names.isEmpty() || !prefixes.isEmpty() || mentions.size() != 1) {
      throw new IllegalStateException(method + " narrows a single mentions(...) filter");
    }
    return mentions.get(0);
  }

  /** Classes that either filter accepts. */
  public ClassFileFilter or(ClassFileFilter other) {
    if (any || other.any) {
      return ANY;
    }
    Set<String> allNames = new HashSet<>(names);
    allNames.addAll(other.names);
    List<String> allPrefixes = new ArrayList<>(prefixes);
    allPrefixes.addAll(other.prefixes);
    List<Mentions> allMentions = new ArrayList<>(mentions);
    allMentions.addAll(other.mentions);
    return new ClassFileFilter(
        false,
        Collections.unmodifiableSet(allNames),
        Collections.unmodifiableList(allPrefixes),
        Collections.unmodifiableList(allMentions));
  }

  public boolean acceptsAll() {
    return any;
  }

  /**
   * Whether the name alone passes, for a class whose class file is not read: the JDK's, which
   * implement no library's interface (see {@code InstrumentingTransformer}).
   *
   * @param internalName the class's name as the JVM gives it to transformers ({@code a/b/C})
   */
  public boolean acceptsName(String internalName) {
    if (any || names.contains(internalName)) {
      return true;
    }
    for (String prefix : prefixes) {
      if (internalName.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param internalName the class's name as the JVM gives it to transformers ({@code a/b/C});
   *     may be null for hidden classes
   * @param classFile the class file's bytes
   */
  public boolean accepts(String internalName, byte[] classFile) {
    if (any) {
      return true;
    }
    if (internalName != null && acceptsName(internalName)) {
      return true;
    }
    if (mentions.isEmpty()) {
      return false;
    }
    long found = ConstantPool.scan(classFile, firstFragments, false);
    int bit = 0;
    for (Mentions clause : mentions) {
      int count = clause.groups.get(0).size();
      long clauseBits = ((count == 64 ? -1L : (1L << count) - 1)) << bit;
      if ((found & clauseBits) != 0 && clause.admits(internalName) && clause.restMatch(classFile)) {
        return true;
      }
      bit += count;
    }
    return false;
  }

  private static List<byte[]> ascii(String... fragments) {
    List<byte[]> bytes = new ArrayList<>();
    for (String fragment : fragments) {
      bytes.add(fragment.getBytes(StandardCharsets.US_ASCII));
    }
    return Collections.unmodifiableList(bytes);
  }

  /**
   * Groups of fragments: the class must mention one fragment of every group, its name must not
   * start with an excluded prefix, and if signatures are given it must declare a concrete method
   * with one of them.
   */
  private static final class Mentions {
    final List<List<byte[]>> groups;
    final List<String> excludedPrefixes;
    final List<byte[]> declaredSignatures;
    private final List<Fragments> rest = new ArrayList<>();
    private final byte[][] declared;

    Mentions(
        List<List<byte[]>> groups, List<String> excludedPrefixes, List<byte[]> declaredSignatures) {
      this.groups = Collections.unmodifiableList(groups);
      this.excludedPrefixes = Collections.unmodifiableList(excludedPrefixes);
      this.declaredSignatures = Collections.unmodifiableList(declaredSignatures);
      this.declared = declaredSignatures.toArray(new byte[0][]);
      for (List<byte[]> group : groups.subList(1, groups.size())) {
        rest.add(new Fragments(group));
      }
    }

    boolean admits(String internalName) {
      if (internalName != null) {
        for (String prefix : excludedPrefixes) {
          if (internalName.startsWith(prefix)) {
            return false;
          }
        }
      }
      return true;
    }

    boolean restMatch(byte[] classFile) {
      for (Fragments group : rest) {
        if (!ConstantPool.mentionsAny(classFile, group)) {
          return false;
        }
      }
      return declared.length == 0 || DeclaredMethods.anyConcrete(classFile, declared);
    }
  }
}
