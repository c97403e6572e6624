package dev.metricsagent.config;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks exact Java type names as the configuration uses them: classes, interfaces and
 * annotations ({@code com.example.BaseClient}, nested ones with '$'), and method parameter types
 * as {@link Class#getTypeName()} writes them ({@code int}, {@code java.lang.String[]}).
 */
final class TypeNames {

  private static final Set<String> PRIMITIVES =
      Set.of("boolean", "byte", "char", "short", "int", "long", "float", "double");

  private static final Set<String> JAVA_LANG = Set.of("String", "Object", "Integer", "Long", "Boolean",
      "Double", "Float", "Short", "Byte", "Character", "Number", "CharSequence", "Class", "Runnable", "Iterable");

  private static final String IDENTIFIER = "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*";
  private static final Pattern QUALIFIED_NAME = Pattern.compile(IDENTIFIER + "(?:\\." + IDENTIFIER + ")*");

  private TypeNames() {}

  /**
   * Null when {@code text} is a fully qualified class name, otherwise the complete error message.
   * {@code role} names what the class is for in messages ("a class name", "an annotation name").
   */
  static String classNameProblem(String text, String role) {
    String expected = "expected " + role + " such as com.example.Base, got " + Found.quoted(text);
    if (text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.contains("..")) {
      return expected + ": this takes one exact name; to match class names by pattern, use class:";
    }
    if (text.indexOf('<') >= 0) {
      return expected + ": leave out the type arguments, write '" + text.substring(0, text.indexOf('<')) + "'";
    }
    if (!QUALIFIED_NAME.matcher(text).matches()) {
      return expected;
    }
    return null;
  }

  /** Null when {@code text} is a parameter type name, otherwise the complete error message. */
  static String parameterTypeProblem(String text) {
    String expected = "expected a parameter type such as java.lang.String, int or byte[], got " + Found.quoted(text);
    if (text.endsWith("...")) {
      return expected + ": varargs are arrays, write '" + text.substring(0, text.length() - 3) + "[]'";
    }
    if (text.indexOf('<') >= 0) {
      return expected + ": parameters are matched by their erased type, write '"
          + text.substring(0, text.indexOf('<')) + "'";
    }
    String element = text;
    while (element.endsWith("[]")) {
      element = element.substring(0, element.length() - 2);
    }
    if (PRIMITIVES.contains(element)) {
      return null;
    }
    if (!QUALIFIED_NAME.matcher(element).matches()) {
      return expected;
    }
    if (element.indexOf('.') < 0) {
      String hint = JAVA_LANG.contains(element) ? "write 'java.lang." + text + "'" : "write the fully qualified name";
      return expected + ": " + hint;
    }
    return null;
  }
}
