package dev.metricsagent.instrumentation.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class ClassFileFilterTest {

  private static byte[] classFile(Class<?> type) throws IOException {
    try (InputStream in =
        type.getClassLoader() == null
            ? ClassLoader.getSystemResourceAsStream(type.getName().replace('.', '/') + ".class")
            : type.getResourceAsStream(type.getSimpleName() + ".class")) {
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

  @Test
  void aDamagedClassFileIsHandedOnRatherThanSkipped() {
    byte[] damaged = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0x7F, 0x7F, 1, 0};
    assertTrue(ClassFileFilter.mentions("java/sql/").accepts("x/Y", damaged));
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
}
