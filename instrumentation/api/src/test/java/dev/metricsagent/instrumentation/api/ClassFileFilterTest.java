package dev.metricsagent.instrumentation.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ClassFileFilterTest {

  private static byte[] classFile(Class<?> type) throws IOException {
    String resource = type.getName().replace('.', '/') + ".class";
    ClassLoader loader = type.getClassLoader();
    try (InputStream in =
        loader == null ? ClassLoader.getSystemResourceAsStream(resource) : loader.getResourceAsStream(resource)) {
      return in.readAllBytes();
    }
  }

  @Test
  void namedAcceptsExactlyThoseClasses() throws IOException {
    ClassFileFilter filter = ClassFileFilter.named("java.util.ArrayList");

    assertTrue(filter.accepts("java/util/ArrayList", classFile(java.util.ArrayList.class)));
    assertFalse(filter.accepts("java/util/ArrayListSpliterator", classFile(java.util.ArrayList.class)));
  }

  @Test
  void nameStartsWithAcceptsAPackageAndItsSubPackages() throws IOException {
    ClassFileFilter filter = ClassFileFilter.nameStartsWith("java.util.");

    assertTrue(filter.accepts("java/util/concurrent/Executor", classFile(String.class)));
    assertFalse(filter.accepts("java/lang/String", classFile(String.class)));
  }

  @Test
  void mentionsFindsATypeUsedOnlyInAMethodDescriptor() throws IOException {
    // ArrayList.sort(Comparator) names Comparator in its descriptor.
    assertTrue(ClassFileFilter.mentions("java/util/Comparator")
        .accepts("java/util/ArrayList", classFile(java.util.ArrayList.class)));
  }

  @Test
  void mentionsRejectsAClassThatNeverNamesTheFragment() throws IOException {
    assertFalse(ClassFileFilter.mentions("javax/servlet/", "java/sql/")
        .accepts("java/util/ArrayList", classFile(java.util.ArrayList.class)));
  }

  @Test
  void mentionsReadsPastLongAndDoubleConstantsWhichTakeTwoSlots() throws IOException {
    // Math's pool holds double constants (PI, E) before many of its names.
    byte[] math = classFile(Math.class);
    assertTrue(ClassFileFilter.mentions("java/lang/StrictMath").accepts("java/lang/Math", math));
    assertFalse(ClassFileFilter.mentions("java/sql/").accepts("java/lang/Math", math));
  }

  @Test
  void andMentionsRequiresAFragmentOfEachGroup() throws IOException {
    byte[] list = classFile(java.util.ArrayList.class);
    ClassFileFilter comparatorAndSort = ClassFileFilter.mentions("java/util/Comparator").andMentions("sort");
    ClassFileFilter comparatorAndNothing = ClassFileFilter.mentions("java/util/Comparator").andMentions("zz_none");

    assertTrue(comparatorAndSort.accepts("java/util/ArrayList", list));
    assertFalse(comparatorAndNothing.accepts("java/util/ArrayList", list));
  }

  @Test
  void exceptNamesStartingWithRejectsThoseNamesWhateverTheyMention() throws IOException {
    byte[] list = classFile(java.util.ArrayList.class);
    ClassFileFilter filter = ClassFileFilter.mentions("java/util/Comparator").andMentions("sort")
        .exceptNamesStartingWith("java.util.Array", "com.example.");

    assertFalse(filter.accepts("java/util/ArrayList", list));
    assertTrue(filter.accepts("java/util/OtherList", list));
    // Narrowing again keeps the exclusions.
    assertFalse(filter.andMentions("size").accepts("com/example/List", list));
    assertTrue(filter.andMentions("size").accepts("java/util/OtherList", list));
  }

  @Test
  void eachClauseOfAnOrIsJudgedOnItsOwnFragments() throws IOException {
    byte[] list = classFile(java.util.ArrayList.class);
    // The first clause's second group fails; the second clause holds.
    ClassFileFilter filter = ClassFileFilter.mentions("java/util/Comparator").andMentions("zz_none")
        .or(ClassFileFilter.mentions("zz_other", "java/util/RandomAccess"));

    assertTrue(filter.accepts("java/util/ArrayList", list));
    assertFalse(filter.accepts("java/lang/Boolean", classFile(Boolean.class)));
  }

  /** Declares execute(String) with code, like a driver's statement. */
  static class Executing {
    public boolean execute(String sql) {
      return sql.isEmpty();
    }
  }

  /** Calls execute(String) without declaring it, like the code that uses a statement. */
  static class Calling {
    long counter = 1L; // a field and a long constant to read past
    double ratio = 0.5d;

    boolean run(Executing statement) {
      return statement.execute("select 1");
    }
  }

  interface Declaring {
    boolean execute(String sql);
  }

  abstract static class Abstract {
    public abstract boolean execute(String sql);
  }

  @Test
  void andDeclaresConcreteAcceptsOnlyAClassThatDeclaresTheMethodWithCode() throws IOException {
    ClassFileFilter filter = ClassFileFilter.mentions("execute").andDeclaresConcrete("execute(Ljava/lang/String;)");

    assertTrue(filter.accepts("x/Executing", classFile(Executing.class)));
    assertFalse(filter.accepts("x/Calling", classFile(Calling.class)));
    assertFalse(filter.accepts("x/Declaring", classFile(Declaring.class)));
    assertFalse(filter.accepts("x/Abstract", classFile(Abstract.class)));
  }

  @Test
  void andDeclaresConcreteMatchesTheStartOfNameAndDescriptor() throws IOException {
    byte[] executing = classFile(Executing.class);

    assertTrue(ClassFileFilter.mentions("execute").andDeclaresConcrete("exec").accepts("x/E", executing));
    assertTrue(ClassFileFilter.mentions("execute")
        .andDeclaresConcrete("zz_none", "execute(Ljava/lang/String;)Z").accepts("x/E", executing));
    assertFalse(ClassFileFilter.mentions("execute")
        .andDeclaresConcrete("execute(Ljava/lang/Object;)").accepts("x/E", executing));
    assertFalse(ClassFileFilter.mentions("execute")
        .andDeclaresConcrete("execute(Ljava/lang/String;)ZZ").accepts("x/E", executing));
  }

  @Test
  void andDeclaresConcreteReadsPastFieldsAndTheAttributesOfLargeClasses() throws IOException {
    // ArrayList: fields, inner classes, signatures, a long constant (serialVersionUID).
    assertTrue(ClassFileFilter.mentions("java/util/Comparator")
        .andDeclaresConcrete("sort(Ljava/util/Comparator;)V")
        .accepts("java/util/ArrayList", classFile(java.util.ArrayList.class)));
  }

  @Test
  void aDamagedClassFileIsHandedOnRatherThanSkipped() {
    byte[] damaged = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0x7F, 0x7F, 1, 0};
    assertTrue(ClassFileFilter.mentions("java/sql/").accepts("x/Y", damaged));
  }

  @Test
  void aClassFileCutShortInItsMethodTableIsHandedOn() throws IOException {
    byte[] calling = classFile(Calling.class);
    byte[] cut = Arrays.copyOf(calling, ConstantPool.offsets(calling)[0] + 12);

    assertTrue(ClassFileFilter.mentions("execute").andDeclaresConcrete("execute").accepts("x/C", cut));
  }

  @Test
  void orAcceptsWhatEitherAcceptsAndAnyWins() throws IOException {
    byte[] list = classFile(java.util.ArrayList.class);
    ClassFileFilter either = ClassFileFilter.named("a.B").or(ClassFileFilter.mentions("java/util/Comparator"));

    assertTrue(either.accepts("a/B", new byte[0]));
    assertTrue(either.accepts("java/util/ArrayList", list));
    assertFalse(either.accepts("java/lang/Boolean", classFile(Boolean.class)));
    assertTrue(either.or(ClassFileFilter.any()).acceptsAll());
  }

  @Test
  void acceptsNameJudgesByNamesAndPrefixesOnly() {
    ClassFileFilter filter =
        ClassFileFilter.named("java.net.HttpURLConnection")
            .or(ClassFileFilter.nameStartsWith("com.example."))
            .or(ClassFileFilter.mentions("java/net/"));

    assertTrue(filter.acceptsName("java/net/HttpURLConnection"));
    assertTrue(filter.acceptsName("com/example/deep/Service"));
    assertFalse(filter.acceptsName("java/net/URL")); // mentions need the class file
    assertTrue(ClassFileFilter.any().acceptsName("java/lang/String"));
  }
}
