package dev.metricsagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NamePatternTest {

  @Test
  void anExactNameMatchesOnlyItself() {
    NamePattern pattern = NamePattern.ofClass("com.example.Foo");

    assertTrue(pattern.isExact());
    assertTrue(pattern.matches("com.example.Foo"));
    assertFalse(pattern.matches("com.example.FooBar"));
    assertFalse(pattern.matches("com.example.foo"));
    assertEquals("com.example.Foo", pattern.literalPrefix());
  }

  @Test
  void starMatchesAnyRunOfCharactersWithinOnePackageLevel() {
    NamePattern pattern = NamePattern.ofClass("com.example.*Client");

    assertFalse(pattern.isExact());
    assertTrue(pattern.matches("com.example.GitHubClient"));
    assertTrue(pattern.matches("com.example.Client"));
    assertFalse(pattern.matches("com.example.github.GitHubClient"));
    assertFalse(pattern.matches("com.example.ClientFactory"));
    assertEquals("com.example.", pattern.literalPrefix());
  }

  @Test
  void starMatchesNestedClassesBecauseTheyUseDollar() {
    NamePattern pattern = NamePattern.ofClass("com.example.*");

    assertTrue(pattern.matches("com.example.Outer$Inner"));
    assertFalse(pattern.matches("com.example.sub.Foo"));
  }

  @Test
  void nestedClassesAreWrittenWithDollar() {
    NamePattern pattern = NamePattern.ofClass("com.example.Outer$Inner");

    assertTrue(pattern.isExact());
    assertTrue(pattern.matches("com.example.Outer$Inner"));
    assertFalse(pattern.matches("com.example.Outer.Inner"));
  }

  @Test
  void doubleDotMeansThisPackageOrAnySubPackage() {
    NamePattern pattern = NamePattern.ofClass("com.example..*Client");

    assertTrue(pattern.matches("com.example.FooClient"));
    assertTrue(pattern.matches("com.example.a.b.BarClient"));
    assertFalse(pattern.matches("com.examples.FooClient"));
    assertFalse(pattern.matches("com.FooClient"));
    assertFalse(pattern.matches("com.example.a.BarClientImpl"));
    assertEquals("com.example.", pattern.literalPrefix());
  }

  @Test
  void doubleDotStarMatchesEveryClassOfAPackageTree() {
    NamePattern pattern = NamePattern.ofClass("com.example..*");

    assertTrue(pattern.matches("com.example.Foo"));
    assertTrue(pattern.matches("com.example.deep.er.Foo$1"));
    assertFalse(pattern.matches("org.example.Foo"));
  }

  @Test
  void leadingDoubleDotMeansAnyPackage() {
    NamePattern pattern = NamePattern.ofClass("..*Client");

    assertTrue(pattern.matches("FooClient"));
    assertTrue(pattern.matches("org.acme.FooClient"));
    assertEquals("", pattern.literalPrefix());
    assertFalse(pattern.isPackageScoped());
  }

  @Test
  void questionMarkMatchesExactlyOneCharacterButNotADot() {
    NamePattern pattern = NamePattern.ofClass("com.example.Repo?");

    assertTrue(pattern.matches("com.example.RepoA"));
    assertFalse(pattern.matches("com.example.Repo"));
    assertFalse(pattern.matches("com.example.RepoAB"));
    assertFalse(NamePattern.ofClass("com?example.Foo").matches("com.example.Foo"));
    assertEquals("com.example.Repo", pattern.literalPrefix());
  }

  @Test
  void theLiteralPrefixEndsAtTheFirstWildcard() {
    assertEquals("com.ex", NamePattern.ofClass("com.ex*.Foo").literalPrefix());
    assertEquals("", NamePattern.ofClass("*Client").literalPrefix());
    assertEquals("com.example.a.", NamePattern.ofClass("com.example.a..Foo").literalPrefix());
  }

  @Test
  void aPatternIsPackageScopedWhenExactOrWhenItsLiteralPrefixReachesPastADot() {
    assertTrue(NamePattern.ofClass("Main").isPackageScoped());
    assertTrue(NamePattern.ofClass("com.example..*").isPackageScoped());
    assertTrue(NamePattern.ofClass("com.*").isPackageScoped());
    assertFalse(NamePattern.ofClass("com*").isPackageScoped());
    assertFalse(NamePattern.ofClass("*").isPackageScoped());
  }

  @Test
  void dotsInTheNameAreLiteralNotRegex() {
    assertFalse(NamePattern.ofClass("com.example.*").matches("comXexample.Foo"));
  }

  @Test
  void repeatedStarsMeanOneStar() {
    assertTrue(NamePattern.ofClass("com.example.**Client").matches("com.example.GitHubClient"));
  }

  @Test
  void methodPatternsUseStarAndQuestionMark() {
    NamePattern pattern = NamePattern.ofMethod("get*");

    assertTrue(pattern.matches("get"));
    assertTrue(pattern.matches("getUser"));
    assertFalse(pattern.matches("forget"));
    assertTrue(NamePattern.ofMethod("set?").matches("setX"));
  }

  @Test
  void invalidPatternsExplainWhatIsWrong() {
    assertEquals("expected a class name pattern such as com.example..*Client, got '': it is empty",
        assertThrows(IllegalArgumentException.class, () -> NamePattern.ofClass("")).getMessage());
    assertEquals("expected a class name pattern such as com.example..*Client, got 'com...Foo': '...' is not a"
        + " pattern; '..' means 'this package or any sub-package'",
        assertThrows(IllegalArgumentException.class, () -> NamePattern.ofClass("com...Foo")).getMessage());
    assertEquals("expected a class name pattern such as com.example..*Client, got 'com.example..': a class name"
        + " cannot end with '.'; to match every class of a package and its sub-packages write 'com.example..*'",
        assertThrows(IllegalArgumentException.class, () -> NamePattern.ofClass("com.example..")).getMessage());
    assertEquals("expected a class name pattern such as com.example..*Client, got '.Foo': a class name cannot start"
        + " with '.'", assertThrows(IllegalArgumentException.class, () -> NamePattern.ofClass(".Foo")).getMessage());
    assertEquals("expected a class name pattern such as com.example..*Client, got 'com/example/Foo': '/' is not"
        + " allowed; use letters, digits, '_', '$', '.', '*' and '?'",
        assertThrows(IllegalArgumentException.class, () -> NamePattern.ofClass("com/example/Foo")).getMessage());
    assertEquals("expected a class name pattern such as com.example..*Client, got 'com.example.Foo#get': '#' belongs"
        + " in a select: entry (Class#method(types))",
        assertThrows(IllegalArgumentException.class, () -> NamePattern.ofClass("com.example.Foo#get")).getMessage());
  }
}
