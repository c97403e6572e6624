package dev.metricsagent.config;

import java.util.List;

/**
 * The shorthand of a rule's {@code select:} entries: {@code Class} (all methods),
 * {@code Class#methodPattern}, or {@code Class#method(type, type)}, where Class is a
 * {@link NamePattern} and the method part a {@link MethodPattern}.
 */
final class SelectEntry {

  private static final String EXPECTED =
      "Class, Class#method or Class#method(types) such as com.example.GitHubClient#get*";

  private SelectEntry() {}

  /**
   * The selection an entry stands for.
   *
   * @throws IllegalArgumentException with a complete error message when the entry is malformed
   */
  static ClassSelection parse(String text, String origin) {
    int hash = text.indexOf('#');
    if (hash < 0 && text.indexOf('(') >= 0) {
      throw problem(text, "separate the class from the method with '#', as in com.example.Foo#find(java.lang.String)");
    }
    if (hash >= 0 && text.indexOf('#', hash + 1) >= 0) {
      throw problem(text, "it has more than one '#'");
    }
    String classPart = (hash < 0 ? text : text.substring(0, hash)).trim();
    if (classPart.isEmpty()) {
      throw problem(text, "the class is missing before '#'");
    }
    NamePattern className = NamePattern.ofClass(classPart);
    if (hash < 0) {
      return new ClassSelection(origin, List.of(className), null, null, null, List.of());
    }
    String methodPart = text.substring(hash + 1).trim();
    if (methodPart.isEmpty()) {
      throw problem(text, "the method is missing after '#'; leave out the '#' to select every method");
    }
    return new ClassSelection(origin, List.of(className), null, null, null, List.of(MethodPattern.parse(methodPart)));
  }

  private static IllegalArgumentException problem(String text, String reason) {
    return new IllegalArgumentException("expected " + EXPECTED + ", got " + Found.quoted(text) + ": " + reason);
  }
}
