package dev.metricsagent.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads one item of {@code rules:} into a {@link RuleConfig}, checking everything that can be
 * checked without looking at classes: names, patterns, labels, and that the rule is scoped.
 */
final class RuleReader {

  private static final int MAX_LABELS = 6;
  private static final int MAX_ARGUMENT_LABELS = 3;
  private static final List<String> KEYS = List.of("metric", "type", "help", "select", "class", "extends",
      "implements", "annotation", "methods", "visibility", "static", "constructors", "exclude", "labels",
      "code_labels", "allow_unscoped");
  private static final List<String> EXCLUDE_KEYS = List.of("classes", "methods");
  private static final List<String> METHOD_KEYS = List.of("name", "parameters");
  private static final List<String> CLASS_CRITERIA = List.of("class", "extends", "implements", "annotation");

  private static final ValueType<RuleType> TYPE = ValueTypes.oneOf(enumWords(RuleType.values()));
  private static final ValueType<Visibility> VISIBILITY = ValueTypes.oneOf(enumWords(Visibility.values()));

  private static final String CLASS_PATTERN_EXPECTED = "a class name pattern such as com.example..*Client";
  private static final String METHOD_EXPECTED = "a method pattern such as get* or {name: get*, parameters: [int]}";

  private final YamlNodes nodes;

  RuleReader(YamlNodes nodes) {
    this.nodes = nodes;
  }

  /** The rule, or null when it has problems (all of them reported). */
  RuleConfig read(Node node, int index) {
    String path = "rules[" + index + "]";
    YamlMapping rule = nodes.mapping(node, path, KEYS,
        "a rule: a mapping with metric: and what it selects (select:, class:, extends:, implements: or annotation:)");
    if (rule == null) {
      return null;
    }
    int problemsBefore = nodes.problemCount();
    String metric = metric(rule);
    RuleType type = rule.has("type") ? nodes.value(rule.value("type"), rule.pathOf("type"), TYPE) : RuleType.TIMER;
    String help = rule.has("help")
        ? nodes.value(rule.value("help"), rule.pathOf("help"), ValueTypes.nonEmptyText("a help text"))
        : null;

    List<ClassSelection> selections = new ArrayList<>();
    ClassSelection criteria = classCriteria(rule);
    if (criteria != null) {
      selections.add(criteria);
    }
    if (rule.has("select")) {
      selections.addAll(selectEntries(rule.value("select"), rule.pathOf("select")));
    }
    if (!rule.has("select") && CLASS_CRITERIA.stream().noneMatch(rule::has)) {
      nodes.problem(node, path, "the rule selects nothing: give at least one of select, class, extends, implements"
          + " or annotation");
    }

    Visibility visibility = rule.has("visibility")
        ? nodes.value(rule.value("visibility"), rule.pathOf("visibility"), VISIBILITY)
        : Visibility.PUBLIC;
    boolean includeStatic = flag(rule, "static", true);
    boolean includeConstructors = flag(rule, "constructors", false);
    boolean codeLabels = flag(rule, "code_labels", true);
    boolean allowUnscoped = flag(rule, "allow_unscoped", false);

    List<NamePattern> excludedClasses = new ArrayList<>();
    List<MethodPattern> excludedMethods = new ArrayList<>();
    if (rule.has("exclude")) {
      exclusions(rule.value("exclude"), rule.pathOf("exclude"), excludedClasses, excludedMethods);
    }
    Map<String, LabelValue> labels = rule.has("labels")
        ? labels(rule.value("labels"), rule.pathOf("labels"))
        : new LinkedHashMap<>();

    if (labels.size() > 0) {
      labelLimits(rule, type, codeLabels, labels);
    }
    if (nodes.problemCount() != problemsBefore) {
      return null;
    }
    if (!allowUnscoped) {
      String unscoped = unscopedReason(selections);
      if (unscoped != null) {
        nodes.problem(node, path, "rule for metric " + Found.quoted(metric) + " is not restricted to a package: "
            + unscoped + ". The agent would have to inspect every class the application loads, which slows"
            + " startup. Add a package constraint such as class: com.yourcompany..* or set allow_unscoped: true");
        return null;
      }
    }
    return new RuleConfig(index, nodes.at(node).toString(), metric, type, help != null ? help : defaultHelp(type, metric),
        selections, visibility, includeStatic, includeConstructors, excludedClasses, excludedMethods, labels,
        codeLabels, allowUnscoped);
  }

  private String metric(YamlMapping rule) {
    if (!rule.has("metric")) {
      nodes.problem(rule.node(), rule.path(), "missing required key 'metric' (the metric name, such as"
          + " github_client_calls)");
      return null;
    }
    Node node = rule.value("metric");
    String name = nodes.text(node, rule.pathOf("metric"), "a metric name such as github_client_calls");
    if (name == null) {
      return null;
    }
    String problem = PrometheusNames.ruleMetricProblem(name);
    if (problem != null) {
      nodes.problem(node, rule.pathOf("metric"), problem);
      return null;
    }
    return name;
  }

  /** The selection made by class/extends/implements/annotation/methods, or null when none of these is given. */
  private ClassSelection classCriteria(YamlMapping rule) {
    boolean hasCriteria = CLASS_CRITERIA.stream().anyMatch(rule::has);
    List<MethodPattern> methods = rule.has("methods") ? methods(rule.value("methods"), rule.pathOf("methods")) : List.of();
    if (!hasCriteria) {
      if (rule.has("methods")) {
        nodes.problem(rule.keyNode("methods"), rule.pathOf("methods"), "methods: needs classes to apply to: add"
            + " class:, extends:, implements: or annotation: (select: entries name their methods after '#')");
      }
      return null;
    }
    List<NamePattern> classNames = new ArrayList<>();
    if (rule.has("class")) {
      classNames = classPatterns(rule.value("class"), rule.pathOf("class"));
    }
    String extendsClass = exactClass(rule, "extends", "a class name");
    String implementsInterface = exactClass(rule, "implements", "an interface name");
    String annotation = exactClass(rule, "annotation", "an annotation name");
    return new ClassSelection("class", classNames, extendsClass, implementsInterface, annotation, methods);
  }

  private String exactClass(YamlMapping rule, String key, String role) {
    if (!rule.has(key)) {
      return null;
    }
    Node node = rule.value(key);
    String name = nodes.text(node, rule.pathOf(key), role + " such as com.example.Base");
    if (name == null) {
      return null;
    }
    String problem = TypeNames.classNameProblem(name, role);
    if (problem != null) {
      nodes.problem(node, rule.pathOf(key), problem);
      return null;
    }
    return name;
  }

  private List<ClassSelection> selectEntries(Node node, String path) {
    List<ClassSelection> selections = new ArrayList<>();
    List<Node> items = nodes.oneOrList(node, path, "a list of Class#method entries");
    if (items == null) {
      return selections;
    }
    for (int i = 0; i < items.size(); i++) {
      String itemPath = path + "[" + i + "]";
      String text = nodes.text(items.get(i), itemPath, "Class#method such as com.example.GitHubClient#get*");
      if (text != null) {
        try {
          selections.add(SelectEntry.parse(text.trim(), "select[" + i + "]"));
        } catch (IllegalArgumentException e) {
          nodes.problem(items.get(i), itemPath, e.getMessage());
        }
      }
    }
    return selections;
  }

  private List<NamePattern> classPatterns(Node node, String path) {
    List<NamePattern> patterns = new ArrayList<>();
    List<Node> items = nodes.oneOrList(node, path, "a class name pattern or a list of them");
    if (items == null) {
      return patterns;
    }
    for (int i = 0; i < items.size(); i++) {
      String itemPath = items.size() == 1 && node.getNodeId() == NodeId.scalar ? path : path + "[" + i + "]";
      String text = nodes.text(items.get(i), itemPath, CLASS_PATTERN_EXPECTED);
      if (text != null) {
        try {
          patterns.add(NamePattern.ofClass(text));
        } catch (IllegalArgumentException e) {
          nodes.problem(items.get(i), itemPath, e.getMessage());
        }
      }
    }
    return patterns;
  }

  private List<MethodPattern> methods(Node node, String path) {
    List<MethodPattern> patterns = new ArrayList<>();
    List<Node> items = nodes.oneOrList(node, path, "a method pattern or a list of them");
    if (items == null) {
      return patterns;
    }
    for (int i = 0; i < items.size(); i++) {
      String itemPath = items.size() == 1 && node.getNodeId() == NodeId.scalar ? path : path + "[" + i + "]";
      MethodPattern pattern = method(items.get(i), itemPath);
      if (pattern != null) {
        patterns.add(pattern);
      }
    }
    return patterns;
  }

  /** {@code get*}, {@code find(java.lang.String)}, or {@code {name: find, parameters: [java.lang.String]}}. */
  private MethodPattern method(Node node, String path) {
    try {
      if (node.getNodeId() == NodeId.mapping) {
        YamlMapping method = nodes.mapping(node, path, METHOD_KEYS);
        if (!method.has("name")) {
          nodes.problem(node, path, "missing required key 'name' (a method name pattern such as get*)");
          return null;
        }
        String name = nodes.text(method.value("name"), method.pathOf("name"), "a method name pattern such as get*");
        List<String> parameters = method.has("parameters")
            ? parameterTypes(method.value("parameters"), method.pathOf("parameters"))
            : null;
        if (name == null || (method.has("parameters") && parameters == null)) {
          return null;
        }
        return MethodPattern.of(name, parameters);
      }
      String text = nodes.text(node, path, METHOD_EXPECTED);
      return text == null ? null : MethodPattern.parse(text.trim());
    } catch (IllegalArgumentException e) {
      nodes.problem(node, path, e.getMessage());
      return null;
    }
  }

  private List<String> parameterTypes(Node node, String path) {
    List<Node> items = nodes.list(node, path, "a list of parameter types such as [java.lang.String, int], [] for none");
    if (items == null) {
      return null;
    }
    List<String> types = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String text = nodes.text(items.get(i), path + "[" + i + "]", "a parameter type such as java.lang.String");
      if (text == null) {
        return null;
      }
      types.add(text);
    }
    return types;
  }

  private void exclusions(Node node, String path, List<NamePattern> classes, List<MethodPattern> methods) {
    YamlMapping exclude = nodes.mapping(node, path, EXCLUDE_KEYS);
    if (exclude == null) {
      return;
    }
    if (exclude.has("classes")) {
      classes.addAll(classPatterns(exclude.value("classes"), exclude.pathOf("classes")));
    }
    if (exclude.has("methods")) {
      methods.addAll(methods(exclude.value("methods"), exclude.pathOf("methods")));
    }
  }

  /**
   * The recorder finds a method's data point through at most {@value #MAX_LABELS} labels without
   * allocating, and passes at most {@value #MAX_ARGUMENT_LABELS} arguments to it.
   */
  private void labelLimits(
      YamlMapping rule, RuleType type, boolean codeLabels, Map<String, LabelValue> labels) {
    int total = labels.size() + (codeLabels ? 2 : 0) + (type == RuleType.TIMER ? 1 : 0);
    if (total > MAX_LABELS) {
      nodes.problem(rule.value("labels"), rule.pathOf("labels"), "a rule's metric can have at most "
          + MAX_LABELS + " labels, and this one would have " + total + " (" + labels.size() + " here"
          + (codeLabels ? ", code_namespace and code_function" : "")
          + (type == RuleType.TIMER ? ", error_type" : "") + "); remove labels"
          + (codeLabels ? " or set code_labels: false" : ""));
    }
    long arguments = labels.values().stream().filter(LabelValue::isArgument)
        .mapToInt(LabelValue::argumentIndex).distinct().count();
    if (arguments > MAX_ARGUMENT_LABELS) {
      nodes.problem(rule.value("labels"), rule.pathOf("labels"), "labels can read at most "
          + MAX_ARGUMENT_LABELS + " different arguments ({argN}), this rule reads " + arguments);
    }
  }

  private Map<String, LabelValue> labels(Node node, String path) {
    Map<String, LabelValue> labels = new LinkedHashMap<>();
    YamlMapping mapping = nodes.mapping(node, path, null, "a mapping from label name to a constant or {argN}");
    if (mapping == null) {
      return labels;
    }
    for (String name : mapping.keys()) {
      String labelPath = mapping.pathOf(name);
      String nameProblem = PrometheusNames.ruleLabelNameProblem(name);
      if (nameProblem != null) {
        nodes.problem(mapping.keyNode(name), labelPath, nameProblem);
        continue;
      }
      Node valueNode = mapping.value(name);
      if (isUnquotedArgument(valueNode)) {
        nodes.problem(valueNode, labelPath, "expected a constant or {argN} (the argument at 0-based index N), got a"
            + " mapping; put {argN} in quotes, as in owner: \"{arg0}\", since YAML reads {arg0} without quotes as a"
            + " mapping");
        continue;
      }
      String text = nodes.text(valueNode, labelPath, "a constant or {argN} (the argument at 0-based index N)");
      if (text == null) {
        continue;
      }
      try {
        labels.put(name, LabelValue.parse(text));
      } catch (IllegalArgumentException e) {
        nodes.problem(valueNode, labelPath, e.getMessage());
      }
    }
    return labels;
  }

  /** {@code owner: {arg0}} without quotes: YAML reads a mapping {arg0: null}. */
  private static boolean isUnquotedArgument(Node node) {
    if (node.getNodeId() != NodeId.mapping || ((MappingNode) node).getValue().size() != 1) {
      return false;
    }
    NodeTuple entry = ((MappingNode) node).getValue().get(0);
    return entry.getKeyNode() instanceof ScalarNode
        && ((ScalarNode) entry.getKeyNode()).getValue().matches("arg[0-9]+")
        && Found.isNull(entry.getValueNode());
  }

  private boolean flag(YamlMapping rule, String key, boolean defaultValue) {
    if (!rule.has(key)) {
      return defaultValue;
    }
    Boolean value = nodes.value(rule.value(key), rule.pathOf(key), ValueTypes.BOOLEAN);
    return value != null ? value : defaultValue;
  }

  /**
   * Why the rule would make the agent look at every class, or null when every selection is
   * confined to known packages by its class-name patterns.
   */
  private static String unscopedReason(List<ClassSelection> selections) {
    for (ClassSelection selection : selections) {
      if (selection.classNames().isEmpty()) {
        return "it selects by " + criteriaNames(selection) + " alone, without a class: pattern";
      }
      for (NamePattern pattern : selection.classNames()) {
        if (!pattern.isPackageScoped()) {
          String where = selection.origin().equals("class") ? "class pattern " : selection.origin() + " pattern ";
          return "the " + where + Found.quoted(pattern.text()) + " does not start with a package name";
        }
      }
    }
    return null;
  }

  private static String criteriaNames(ClassSelection selection) {
    List<String> names = new ArrayList<>();
    if (selection.extendsClass() != null) {
      names.add("extends");
    }
    if (selection.implementsInterface() != null) {
      names.add("implements");
    }
    if (selection.annotation() != null) {
      names.add("annotation");
    }
    return ValueTypes.alternatives(names).replace(" or ", " and ");
  }

  private static String defaultHelp(RuleType type, String metric) {
    return type == RuleType.TIMER
        ? "Time spent in the methods selected by metrics-agent rule " + metric
        : "Calls of the methods selected by metrics-agent rule " + metric;
  }

  private static <E extends Enum<E>> Map<String, E> enumWords(E[] values) {
    Map<String, E> words = new LinkedHashMap<>();
    for (E value : values) {
      words.put(value.name().toLowerCase(Locale.ROOT), value);
    }
    return words;
  }
}
