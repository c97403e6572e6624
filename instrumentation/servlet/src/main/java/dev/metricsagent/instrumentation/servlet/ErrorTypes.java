package dev.metricsagent.instrumentation.servlet;

/**
 * The {@code error_type} label: the simple name of what was thrown, else the status code of a
 * 5xx response, else none (null: the label is empty).
 */
final class ErrorTypes {

  /** Containers and frameworks wrap the real failure in these; its cause says more. */
  private static final String JAVAX_SERVLET_EXCEPTION = "javax.servlet.ServletException";

  private static final String JAKARTA_SERVLET_EXCEPTION = "jakarta.servlet.ServletException";

  private static final int MAX_UNWRAPPED = 8;

  private ErrorTypes() {}

  static String of(Throwable thrown, int status) {
    if (thrown != null) {
      return simpleName(unwrap(thrown));
    }
    return status >= 500 ? StatusCodes.label(status) : null;
  }

  /**
   * Spring MVC, for one, rethrows a controller's exception as
   * {@code ServletException("Request processing failed", cause)}: the cause is the error type.
   */
  private static Throwable unwrap(Throwable thrown) {
    Throwable current = thrown;
    for (int i = 0; i < MAX_UNWRAPPED && current.getCause() != null && isServletException(current); i++) {
      current = current.getCause();
    }
    return current;
  }

  private static boolean isServletException(Throwable thrown) {
    String name = thrown.getClass().getName();
    return name.equals(JAKARTA_SERVLET_EXCEPTION) || name.equals(JAVAX_SERVLET_EXCEPTION);
  }

  private static String simpleName(Throwable thrown) {
    Class<?> type = thrown.getClass();
    String simple = type.getSimpleName();
    return simple.isEmpty() ? type.getName() : simple; // anonymous classes have no simple name
  }
}
