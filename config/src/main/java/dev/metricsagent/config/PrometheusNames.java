package dev.metricsagent.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Prometheus naming rules for what users name in the configuration (rule metrics, labels,
 * histogram families), plus the names the agent keeps for itself. Each check returns null when
 * the name is fine, otherwise the complete error message.
 */
final class PrometheusNames {

  static final List<String> RESERVED_PREFIXES =
      List.of("metrics_agent_", "http_", "db_", "messaging_", "jvm_", "process_");

  private static final List<String> SUFFIXES_THE_AGENT_APPENDS = List.of("_total", "_seconds");
  private static final List<String> SUFFIXES_PROMETHEUS_DERIVES = List.of("_count", "_sum", "_bucket", "_created", "_info");

  private static final List<String> LABELS_OF_THE_AGENT =
      List.of(RuleConfig.CODE_NAMESPACE, RuleConfig.CODE_FUNCTION, RuleConfig.ERROR_TYPE);

  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private PrometheusNames() {}

  /** A rule's {@code metric}: a valid name, without the suffixes the agent appends, outside the agent's prefixes. */
  static String ruleMetricProblem(String name) {
    String syntax = metricNameProblem(name);
    if (syntax != null) {
      return syntax;
    }
    for (String suffix : SUFFIXES_THE_AGENT_APPENDS) {
      if (name.endsWith(suffix)) {
        String stem = name.substring(0, name.length() - suffix.length());
        return "metric " + Found.quoted(name) + " must not end in '" + suffix + "': the agent appends '_seconds' to"
            + " timers and '_total' to counters itself" + (stem.isEmpty() ? "" : "; write '" + stem + "'");
      }
    }
    for (String suffix : SUFFIXES_PROMETHEUS_DERIVES) {
      if (name.endsWith(suffix)) {
        return "metric " + Found.quoted(name) + " must not end in '" + suffix + "', which Prometheus reserves for the"
            + " series it derives (_count, _sum, _bucket, _created) and for info metrics (_info); choose another name";
      }
    }
    for (String prefix : RESERVED_PREFIXES) {
      if (name.startsWith(prefix)) {
        return "metric " + Found.quoted(name) + " starts with '" + prefix + "', which is reserved for the agent's"
            + " built-in metrics (" + String.join(", ", RESERVED_PREFIXES) + "); choose another prefix, such as"
            + " your application's name";
      }
    }
    return null;
  }

  /** A key of {@code histograms.metrics}: a metric family the agent records, so a name ending in _seconds. */
  static String histogramMetricProblem(String name) {
    String syntax = metricNameProblem(name);
    if (syntax != null) {
      return syntax;
    }
    if (!name.endsWith("_seconds")) {
      return "metric " + Found.quoted(name) + " would never match: every histogram the agent records is a duration"
          + " whose name ends in '_seconds' (a timer rule's metric x becomes x_seconds); write '" + name + "_seconds'";
    }
    return null;
  }

  /** A label a rule defines: a valid name that is not one of the agent's own labels. */
  static String ruleLabelNameProblem(String name) {
    if (LABELS_OF_THE_AGENT.contains(name)) {
      return "label " + Found.quoted(name) + " is set by the agent itself (it adds "
          + String.join(", ", LABELS_OF_THE_AGENT) + "); choose another name";
    }
    return labelNameProblem(name);
  }

  /** Any label name: letters, digits and '_', not starting with a digit or with '__'. */
  static String labelNameProblem(String name) {
    if (!LABEL_NAME.matcher(name).matches()) {
      return withSuggestion("expected a label name of letters, digits and '_', not starting with a digit, got "
          + Found.quoted(name), name, LABEL_NAME);
    }
    if (name.startsWith("__")) {
      return "label " + Found.quoted(name) + " starts with '__', which Prometheus reserves for its own use; choose"
          + " another name";
    }
    return null;
  }

  private static String metricNameProblem(String name) {
    if (!METRIC_NAME.matcher(name).matches()) {
      return withSuggestion("expected a metric name of letters, digits, '_' and ':', not starting with a digit, got "
          + Found.quoted(name), name, METRIC_NAME);
    }
    return null;
  }

  /** Appends "did you mean" with invalid characters replaced by '_', when that gives a valid name. */
  private static String withSuggestion(String message, String name, Pattern valid) {
    String repaired = name.replaceAll("[^a-zA-Z0-9_]", "_");
    if (!repaired.isEmpty() && Character.isDigit(repaired.charAt(0))) {
      repaired = "_" + repaired;
    }
    boolean helpful = !repaired.isEmpty() && !repaired.equals(name) && valid.matcher(repaired).matches()
        && !repaired.replace("_", "").isEmpty();
    return helpful ? message + "; did you mean '" + repaired + "'?" : message;
  }
}
