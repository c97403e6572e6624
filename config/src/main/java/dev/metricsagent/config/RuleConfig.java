package dev.metricsagent.config;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A method rule (an item of {@code rules:}): which methods to time or count, and the metric they
 * feed.
 *
 * <p>A method is selected when its class and the method match at least one of
 * {@link #selections()}, the class is not excluded ({@link #isExcludedClass}), the method is not
 * excluded ({@link #isExcludedMethod}) and its modifiers pass {@link #allowsModifiers}.
 * Constructors are selected only with {@link #includeConstructors()}.
 */
public final class RuleConfig {

  /** The labels the agent itself gives rule metrics; rules cannot define labels with these names. */
  public static final String CODE_NAMESPACE = "code_namespace";
  public static final String CODE_FUNCTION = "code_function";
  public static final String ERROR_TYPE = "error_type";

  private final int index;
  private final String location;
  private final String metric;
  private final RuleType type;
  private final String help;
  private final List<ClassSelection> selections;
  private final Visibility visibility;
  private final boolean includeStatic;
  private final boolean includeConstructors;
  private final List<NamePattern> excludedClasses;
  private final List<MethodPattern> excludedMethods;
  private final Map<String, LabelValue> labels;
  private final boolean codeLabels;
  private final boolean allowUnscoped;
  private final List<String> labelNames;

  RuleConfig(int index, String location, String metric, RuleType type, String help, List<ClassSelection> selections,
      Visibility visibility, boolean includeStatic, boolean includeConstructors, List<NamePattern> excludedClasses,
      List<MethodPattern> excludedMethods, Map<String, LabelValue> labels, boolean codeLabels, boolean allowUnscoped) {
    this.index = index;
    this.location = location;
    this.metric = metric;
    this.type = type;
    this.help = help;
    this.selections = List.copyOf(selections);
    this.visibility = visibility;
    this.includeStatic = includeStatic;
    this.includeConstructors = includeConstructors;
    this.excludedClasses = List.copyOf(excludedClasses);
    this.excludedMethods = List.copyOf(excludedMethods);
    this.labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    this.codeLabels = codeLabels;
    this.allowUnscoped = allowUnscoped;
    List<String> names = new ArrayList<>();
    if (codeLabels) {
      names.add(CODE_NAMESPACE);
      names.add(CODE_FUNCTION);
    }
    names.addAll(labels.keySet());
    this.labelNames = List.copyOf(names);
  }

  /** The rule's 0-based position in {@code rules:}. */
  public int index() {
    return index;
  }

  /** Where the rule starts in the YAML file: {@code /abs/agent.yaml:12:5}. */
  public String location() {
    return location;
  }

  /** {@code metric}: the name as written, without suffix, such as {@code github_client_calls}. */
  public String metric() {
    return metric;
  }

  /** {@code type}: timer (default) or counter. */
  public RuleType type() {
    return type;
  }

  /**
   * The exposed metric family name: {@code <metric>_seconds} for a timer (the key to use in
   * {@link HistogramConfig#bucketsFor}), {@code <metric>_total} for a counter.
   */
  public String metricName() {
    return metric + type.suffix();
  }

  /** {@code help}: the metric's HELP text; when not configured, one naming the rule's metric. */
  public String help() {
    return help;
  }

  /** The selections, any of which selects a method: first the class criteria (if any), then each {@code select} entry. */
  public List<ClassSelection> selections() {
    return selections;
  }

  /** {@code visibility}: public (default), protected, package or any. */
  public Visibility visibility() {
    return visibility;
  }

  /** {@code static}: whether static methods are selected too (default true). */
  public boolean includeStatic() {
    return includeStatic;
  }

  /**
   * {@code constructors}: whether the constructors of the selected classes are selected too
   * (default false). Method patterns and method exclusions do not apply to constructors.
   */
  public boolean includeConstructors() {
    return includeConstructors;
  }

  /** {@code exclude.classes}: classes never selected, even when a selection matches. */
  public List<NamePattern> excludedClasses() {
    return excludedClasses;
  }

  /** {@code exclude.methods}: methods never selected, even when a selection matches. */
  public List<MethodPattern> excludedMethods() {
    return excludedMethods;
  }

  /** {@code labels}: the rule's own labels, in file order, each a constant or an argument. */
  public Map<String, LabelValue> labels() {
    return labels;
  }

  /** {@code code_labels}: whether the metric has {@code code_namespace} and {@code code_function} (default true). */
  public boolean codeLabels() {
    return codeLabels;
  }

  /** {@code allow_unscoped}: the user accepted a rule without a package constraint (default false). */
  public boolean allowUnscoped() {
    return allowUnscoped;
  }

  /**
   * Every label the rule gives its metric, in order: {@code code_namespace} and
   * {@code code_function} (with {@link #codeLabels()}), then {@link #labels()}. Timers also get
   * {@code error_type}, which the agent adds. Rules sharing a metric have equal lists.
   */
  public List<String> labelNames() {
    return labelNames;
  }

  /**
   * Whether the class name alone leaves this class a candidate: it is not excluded and matches the
   * name patterns of at least one selection (a selection without name patterns matches any name).
   * Supertype and annotation conditions are left to the caller.
   */
  public boolean matchesClassName(String className) {
    if (isExcludedClass(className)) {
      return false;
    }
    for (ClassSelection selection : selections) {
      if (selection.matchesClassName(className)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code exclude.classes} rules this class out. */
  public boolean isExcludedClass(String className) {
    for (NamePattern pattern : excludedClasses) {
      if (pattern.matches(className)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code exclude.methods} rules this method out. */
  public boolean isExcludedMethod(String methodName, List<String> parameterTypeNames) {
    for (MethodPattern pattern : excludedMethods) {
      if (pattern.matches(methodName, parameterTypeNames)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a method with these {@link Modifier} bits passes {@code visibility} and {@code static}. */
  public boolean allowsModifiers(int modifiers) {
    return visibility.allows(modifiers) && (includeStatic || !Modifier.isStatic(modifiers));
  }

  /** This rule with its labels in the given order (the order of an earlier rule with the same metric). */
  RuleConfig withLabelOrder(List<String> order) {
    Map<String, LabelValue> reordered = new LinkedHashMap<>();
    for (String name : order) {
      if (labels.containsKey(name)) {
        reordered.put(name, labels.get(name));
      }
    }
    return new RuleConfig(index, location, metric, type, help, selections, visibility, includeStatic,
        includeConstructors, excludedClasses, excludedMethods, reordered, codeLabels, allowUnscoped);
  }

  @Override
  public String toString() {
    return "rule{metric=" + metric + ", type=" + type.yamlName() + ", selections=" + selections + ", labels="
        + labels + ", at " + location + "}";
  }
}
