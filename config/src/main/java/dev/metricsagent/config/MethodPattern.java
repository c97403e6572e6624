package dev.metricsagent.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Selects methods by name pattern and, optionally, by exact parameter types:
 * {@code get*} (any parameters), {@code find(java.lang.String, int)}, {@code close()} (none).
 *
 * <p>Parameter types are compared with the erased type names as {@link Class#getTypeName()}
 * writes them: {@code int}, {@code java.lang.String}, {@code java.lang.String[]},
 * {@code java.util.Map$Entry}.
 */
public final class MethodPattern {

  private static final String EXPECTED = "a method pattern such as get* or find(java.lang.String, int)";

  private final NamePattern name;
  private final List<String> parameterTypes; // null: any parameters

  private MethodPattern(NamePattern name, List<String> parameterTypes) {
    this.name = name;
    this.parameterTypes = parameterTypes == null ? null : List.copyOf(parameterTypes);
  }

  /**
   * Reads {@code name} or {@code name(type, type)}.
   *
   * @throws IllegalArgumentException with a complete error message when the text is not a method pattern
   */
  public static MethodPattern parse(String text) {
    int open = text.indexOf('(');
    if (open < 0) {
      if (text.indexOf(')') >= 0) {
        throw new IllegalArgumentException(expected(text, "')' without '('"));
      }
      return new MethodPattern(NamePattern.ofMethod(text), null);
    }
    if (!text.endsWith(")")) {
      throw new IllegalArgumentException(expected(text, "the parameter list must end with ')'"));
    }
    String inside = text.substring(open + 1, text.length() - 1);
    if (inside.indexOf('(') >= 0 || inside.indexOf(')') >= 0) {
      throw new IllegalArgumentException(expected(text, "unbalanced parentheses"));
    }
    List<String> types = new ArrayList<>();
    if (!inside.trim().isEmpty()) {
      for (String type : inside.split(",", -1)) {
        types.add(type.trim());
      }
    }
    return of(text.substring(0, open).trim(), types);
  }

  /**
   * A method name pattern with exact parameter types; {@code parameterTypes} null for any
   * parameters, empty for none.
   *
   * @throws IllegalArgumentException with a complete error message when a part is invalid
   */
  public static MethodPattern of(String namePattern, List<String> parameterTypes) {
    NamePattern name = NamePattern.ofMethod(namePattern);
    if (parameterTypes != null) {
      for (String type : parameterTypes) {
        String problem = TypeNames.parameterTypeProblem(type);
        if (problem != null) {
          throw new IllegalArgumentException(problem);
        }
      }
    }
    return new MethodPattern(name, parameterTypes);
  }

  /** The method name pattern. */
  public NamePattern name() {
    return name;
  }

  /** Whether the parameter types are part of the pattern (otherwise any parameters match). */
  public boolean constrainsParameters() {
    return parameterTypes != null;
  }

  /** The exact parameter types, in order; empty when not constrained (see {@link #constrainsParameters()}). */
  public List<String> parameterTypes() {
    return parameterTypes == null ? List.of() : parameterTypes;
  }

  /** Whether a method with this name and these erased parameter type names matches. */
  public boolean matches(String methodName, List<String> parameterTypeNames) {
    return name.matches(methodName) && (parameterTypes == null || parameterTypes.equals(parameterTypeNames));
  }

  @Override
  public String toString() {
    return parameterTypes == null ? name.text() : name.text() + "(" + String.join(", ", parameterTypes) + ")";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MethodPattern && other.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  private static String expected(String text, String reason) {
    return "expected " + EXPECTED + ", got " + Found.quoted(text) + ": " + reason;
  }
}
