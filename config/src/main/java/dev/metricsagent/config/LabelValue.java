package dev.metricsagent.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value of a rule label: a constant ({@code payments}) or a method argument
 * ({@code {arg0}}: {@code String.valueOf} of the first argument).
 */
public final class LabelValue {

  private final String constant;
  private final int argumentIndex;

  private LabelValue(String constant, int argumentIndex) {
    this.constant = constant;
    this.argumentIndex = argumentIndex;
  }

  private static final Pattern ARGUMENT = Pattern.compile("\\{arg(-?[0-9]{1,9})\\}");
  private static final String EXPECTED = "a constant or {argN} (the argument at 0-based index N)";
  /** The JVM allows at most 255 parameters (fewer when long or double take two slots). */
  private static final int MAX_ARGUMENTS = 255;

  /**
   * Reads a label value as written in YAML: {@code {argN}}, or a constant without braces.
   *
   * @throws IllegalArgumentException with a complete error message otherwise
   */
  static LabelValue parse(String text) {
    Matcher argument = ARGUMENT.matcher(text);
    if (argument.matches()) {
      int index = Integer.parseInt(argument.group(1));
      if (index < 0 || index >= MAX_ARGUMENTS) {
        throw new IllegalArgumentException("expected " + EXPECTED + ", got " + Found.quoted(text)
            + ": N counts from 0 (the first argument) to " + (MAX_ARGUMENTS - 1));
      }
      return argument(index);
    }
    if (text.indexOf('{') >= 0 || text.indexOf('}') >= 0) {
      throw new IllegalArgumentException("expected " + EXPECTED + ", got " + Found.quoted(text)
          + ": braces are only for {argN}, such as {arg0} for the first argument");
    }
    if (text.isEmpty()) {
      throw new IllegalArgumentException("expected " + EXPECTED + ", got '': Prometheus treats an empty label"
          + " value as no label");
    }
    return constant(text);
  }

  static LabelValue constant(String value) {
    return new LabelValue(value, -1);
  }

  static LabelValue argument(int index) {
    return new LabelValue(null, index);
  }

  /** Whether the value comes from a method argument. */
  public boolean isArgument() {
    return argumentIndex >= 0;
  }

  /** The 0-based argument index for {@code {argN}}; -1 for a constant. */
  public int argumentIndex() {
    return argumentIndex;
  }

  /** The constant value; null for an argument. */
  public String constant() {
    return constant;
  }

  /** As written: the constant, or {@code {argN}}. */
  @Override
  public String toString() {
    return isArgument() ? "{arg" + argumentIndex + "}" : constant;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LabelValue && other.toString().equals(toString())
        && ((LabelValue) other).argumentIndex == argumentIndex;
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
