package dev.metricsagent.instrumentation.rules;

/**
 * The {@code error_type} label value of an exception: its class's simple name. Kept in a
 * {@link ClassValue}, which lives with the exception class and so never keeps an application's
 * class loader alive, and which computes the name once per class rather than once per throw.
 */
final class ErrorTypes {

  private static final ClassValue<String> SIMPLE_NAMES = new ClassValue<String>() {
    @Override
    protected String computeValue(Class<?> type) {
      return simpleName(type.getName());
    }
  };

  private ErrorTypes() {}

  static String of(Throwable thrown) {
    return SIMPLE_NAMES.get(thrown.getClass());
  }

  /**
   * The name after the package, and after the enclosing class for nested ones:
   * {@code IllegalStateException}, {@code Retry} for {@code com.example.Client$Retry}. Anonymous
   * exception classes keep their number ({@code Client$1}), where {@link Class#getSimpleName()}
   * would give an empty label.
   */
  static String simpleName(String className) {
    String name = className.substring(className.lastIndexOf('.') + 1);
    int nested = name.lastIndexOf('$');
    if (nested >= 0 && nested + 1 < name.length() && !Character.isDigit(name.charAt(nested + 1))) {
      return name.substring(nested + 1);
    }
    return name;
  }
}
