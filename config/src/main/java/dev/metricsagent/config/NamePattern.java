package dev.metricsagent.config;

import java.util.regex.Pattern;

/**
 * A pattern over class names or method names.
 *
 * <ul>
 *   <li>{@code com.example.Foo}: exactly that name;
 *   <li>{@code *}: any run of characters except '.', so it stays within one package level
 *       ({@code com.example.*Client}); nested classes are written with '$'
 *       ({@code com.example.Outer$Inner}) and {@code *} matches across '$';
 *   <li>{@code ?}: exactly one character except '.';
 *   <li>{@code ..} (class patterns only): this package or any sub-package, so
 *       {@code com.example..*Client} matches {@code com.example.FooClient} and
 *       {@code com.example.a.b.BarClient}; at the start ({@code ..*Client}) it means any package.
 * </ul>
 *
 * Matching is case-sensitive, like Java names.
 */
public final class NamePattern {

  private static final String CLASS_EXAMPLE = "a class name pattern such as com.example..*Client";
  private static final String METHOD_EXAMPLE = "a method name pattern such as get*";

  private final String text;
  private final boolean exact;
  private final String literalPrefix;
  private final Pattern regex;

  private NamePattern(String text, boolean exact, String literalPrefix, Pattern regex) {
    this.text = text;
    this.exact = exact;
    this.literalPrefix = literalPrefix;
    this.regex = regex;
  }

  /**
   * A pattern over fully qualified class names (binary names: nested classes with '$').
   *
   * @throws IllegalArgumentException with a complete error message when the text is not a pattern
   */
  public static NamePattern ofClass(String text) {
    checkCharacters(text, CLASS_EXAMPLE, true);
    if (text.contains("...")) {
      throw problem(CLASS_EXAMPLE, text, "'...' is not a pattern; '..' means 'this package or any sub-package'");
    }
    if (text.endsWith(".")) {
      throw problem(CLASS_EXAMPLE, text, "a class name cannot end with '.'; to match every class of a package and"
          + " its sub-packages write '" + text.replaceAll("\\.+$", "") + "..*'");
    }
    if (text.startsWith(".") && !text.startsWith("..")) {
      throw problem(CLASS_EXAMPLE, text, "a class name cannot start with '.'");
    }
    return compile(text);
  }

  /**
   * A pattern over method names: letters, digits, '_', '$', {@code *} and {@code ?}.
   *
   * @throws IllegalArgumentException with a complete error message when the text is not a pattern
   */
  public static NamePattern ofMethod(String text) {
    checkCharacters(text, METHOD_EXAMPLE, false);
    return compile(text);
  }

  /** Whether the whole name matches. */
  public boolean matches(String name) {
    return exact ? text.equals(name) : name.startsWith(literalPrefix) && regex.matcher(name).matches();
  }

  /** Whether the pattern has no wildcard, so that it matches its own text only. */
  public boolean isExact() {
    return exact;
  }

  /**
   * The longest literal start every matching name shares: {@code com.example.} for
   * {@code com.example..*Client}, the whole text for an exact name, empty for {@code *Client}.
   * A cheap pre-filter before {@link #matches}.
   */
  public String literalPrefix() {
    return literalPrefix;
  }

  /**
   * Whether every name this matches lies in one known package tree: an exact name, or a literal
   * prefix that reaches past a '.' ({@code com.example..*}, {@code com.example.*Client}).
   */
  public boolean isPackageScoped() {
    return exact || literalPrefix.indexOf('.') > 0;
  }

  /** The pattern as written. */
  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NamePattern && ((NamePattern) other).text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  private static void checkCharacters(String text, String expected, boolean dotsAllowed) {
    if (text.isEmpty()) {
      throw problem(expected, text, "it is empty");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean allowed = c == '*' || c == '?' || (c == '.' && dotsAllowed)
          || (Character.isJavaIdentifierPart(c) && !Character.isIdentifierIgnorable(c));
      if (!allowed) {
        throw problem(expected, text, characterHint(c, dotsAllowed));
      }
    }
  }

  private static String characterHint(char c, boolean dotsAllowed) {
    if (c == '.' && !dotsAllowed) {
      return "a method name has no '.'; put the class in class: or in select: as Class#method";
    }
    if (c == '#' || c == '(') {
      return "'" + c + "' belongs in a select: entry (Class#method(types))";
    }
    if (Character.isWhitespace(c)) {
      return "it contains whitespace";
    }
    return "'" + c + "' is not allowed; use letters, digits, '_', '$', '.', '*' and '?'";
  }

  private static IllegalArgumentException problem(String expected, String text, String reason) {
    return new IllegalArgumentException("expected " + expected + ", got " + Found.quoted(text) + ": " + reason);
  }

  private static NamePattern compile(String text) {
    int firstWildcard = firstWildcard(text);
    if (firstWildcard < 0) {
      return new NamePattern(text, true, text, null);
    }
    // A leading '..' (any package) contributes nothing literal; an inner one keeps its first '.'.
    String literalPrefix = text.startsWith("..", firstWildcard) && firstWildcard > 0
        ? text.substring(0, firstWildcard + 1)
        : text.substring(0, firstWildcard);
    return new NamePattern(text, false, literalPrefix, Pattern.compile(toRegex(text)));
  }

  private static int firstWildcard(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '*' || c == '?' || text.startsWith("..", i)) {
        return i;
      }
    }
    return -1;
  }

  private static String toRegex(String text) {
    StringBuilder regex = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (text.startsWith("..", i)) {
        regex.append(i == 0 ? "(?:[^.]+\\.)*" : "\\.(?:[^.]+\\.)*");
        i += 2;
      } else if (c == '*') {
        regex.append("[^.]*");
        while (i < text.length() && text.charAt(i) == '*') {
          i++; // "**" means the same as "*"; collapsing it keeps the regex from backtracking
        }
      } else if (c == '?') {
        regex.append("[^.]");
        i++;
      } else {
        if (!Character.isLetterOrDigit(c)) {
          regex.append('\\'); // '.' and '$' are regex syntax; a backslash before any non-letter is literal
        }
        regex.append(c);
        i++;
      }
    }
    return regex.toString();
  }
}
