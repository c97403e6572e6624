package dev.metricsagent.config;

import java.util.List;

/**
 * The configuration is invalid. Lists every problem found, not only the first, so that one
 * round of fixes is enough.
 */
public final class ConfigException extends Exception {

  private static final long serialVersionUID = 1L;

  private final List<ConfigProblem> problems;
  private final boolean failFast;

  ConfigException(List<ConfigProblem> problems, boolean failFast) {
    super(render(problems, failFast), null, false, false);
    this.problems = List.copyOf(problems);
    this.failFast = failFast;
  }

  /** Every problem, in reading order (the YAML file top to bottom, then the overrides). */
  public List<ConfigProblem> problems() {
    return problems;
  }

  /**
   * Whether {@code fail_fast} is set, as far as it could be determined from the overrides and the
   * YAML file despite the problems; {@code false} when it could not.
   */
  public boolean failFast() {
    return failFast;
  }

  /**
   * The complete error block the agent prints: a headline saying what happens next, one indented
   * line per problem ({@link ConfigProblem#toString()}), and how to fix it. Lines are separated by
   * {@code \n}, with no newline at the end.
   */
  public String render() {
    return getMessage();
  }

  /** The same problems under another headline, for a command-line tool that has no application. */
  public String render(String headline) {
    return render(headline, problems) + "\n  Fix the settings above (reference: docs/configuration.md).";
  }

  private static String render(List<ConfigProblem> problems, boolean failFast) {
    String text = render(failFast
        ? "metrics-agent: invalid configuration; fail_fast is set, so the JVM exits."
        : "metrics-agent: invalid configuration; the application runs without metrics-agent.",
        problems) + "\n  Fix the settings above (reference: docs/configuration.md).";
    return failFast ? text : text + " Set fail_fast: true to stop the JVM on configuration errors instead.";
  }

  private static String render(String headline, List<ConfigProblem> problems) {
    StringBuilder text = new StringBuilder(headline);
    for (ConfigProblem problem : problems) {
      text.append("\n  ").append(problem);
    }
    return text.toString();
  }
}
