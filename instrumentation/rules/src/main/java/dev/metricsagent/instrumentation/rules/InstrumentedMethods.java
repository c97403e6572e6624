package dev.metricsagent.instrumentation.rules;

import dev.metricsagent.bootstrap.rules.MethodRecorder;
import dev.metricsagent.bootstrap.rules.MethodRules;
import dev.metricsagent.config.LabelValue;
import dev.metricsagent.config.RuleConfig;
import dev.metricsagent.config.RuleType;
import dev.metricsagent.instrumentation.api.MethodInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides, while a class is transformed, which of its methods the rules select, and gives each
 * selected method an id whose recorder (the data points of every rule selecting it, with
 * code_namespace, code_function and constant labels already resolved) is installed in the bridge
 * before the class can run.
 *
 * <p>Plans are remembered by class name and method descriptor (strings only, never classes or
 * class loaders), so that a class retransformed, or defined again by another class loader, keeps
 * its id and its series.
 */
final class InstrumentedMethods {

  /** How many distinct arguments the advice passes ({@code {argN}} labels of all rules of a method). */
  static final int ARGUMENT_SLOTS = 3;

  private static final MethodPlan NOT_SELECTED = new MethodPlan(-1, false, new int[0]);

  private final List<RuleMatchers> rules;
  private final List<RuleMetric> metrics;
  private final Map<String, MethodPlan> plans = new ConcurrentHashMap<>();
  private final AtomicInteger nextId = new AtomicInteger();

  /** @param metrics the metric of each rule, in the order of {@code rules} */
  InstrumentedMethods(List<RuleMatchers> rules, List<RuleMetric> metrics) {
    this.rules = List.copyOf(rules);
    this.metrics = List.copyOf(metrics);
  }

  /** The plan of a selected method; null when no rule selects it. */
  MethodPlan planFor(MethodInfo method) {
    String key = keyOf(method.declaringType().name(), method.name(), method.descriptor());
    MethodPlan plan = plans.computeIfAbsent(key, k -> plan(method));
    return plan == NOT_SELECTED ? null : plan;
  }

  /**
   * The plan {@link #planFor} made for this method, null when none or when no rule selects it:
   * for Byte Buddy's bindings, which it asks after the method matched.
   */
  MethodPlan plannedFor(String className, String name, String descriptor) {
    MethodPlan plan = plans.get(keyOf(className, name, descriptor));
    return plan == NOT_SELECTED ? null : plan;
  }

  private static String keyOf(String className, String name, String descriptor) {
    return className + '#' + name + descriptor;
  }

  private MethodPlan plan(MethodInfo method) {
    List<Integer> selecting = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).selectsMethod(method)) {
        selecting.add(i);
      }
    }
    if (selecting.isEmpty()) {
      return NOT_SELECTED;
    }
    int[] argumentIndexes = argumentIndexes(selecting, method.parameterCount());
    String className = method.declaringType().name();
    String function = method.name();
    boolean timed = false;
    MethodRecorder[] recorders = new MethodRecorder[selecting.size()];
    for (int i = 0; i < recorders.length; i++) {
      RuleConfig rule = rules.get(selecting.get(i)).rule();
      RuleMetric metric = metrics.get(selecting.get(i));
      LabelTemplate labels = LabelTemplate.of(rule, metric.labelNames(), className, function, argumentIndexes);
      if (rule.type() == RuleType.TIMER) {
        timed = true;
        recorders[i] = new TimerRecorder(metric, labels);
      } else {
        recorders[i] = new CounterRecorder(metric, labels);
      }
    }
    int id = nextId.getAndIncrement();
    MethodRules.install(id, recorders.length == 1 ? recorders[0] : new CompositeRecorder(recorders));
    return new MethodPlan(id, timed, argumentIndexes);
  }

  /**
   * The parameters the advice must pass: those {@code {argN}} labels read and the method has,
   * lowest first, at most {@link #ARGUMENT_SLOTS}; labels reading any other are left empty.
   */
  private int[] argumentIndexes(List<Integer> selecting, int parameterCount) {
    TreeSet<Integer> indexes = new TreeSet<>();
    for (int i : selecting) {
      for (LabelValue value : rules.get(i).rule().labels().values()) {
        if (value.isArgument() && value.argumentIndex() < parameterCount) {
          indexes.add(value.argumentIndex());
        }
      }
    }
    return indexes.stream().limit(ARGUMENT_SLOTS).mapToInt(Integer::intValue).toArray();
  }
}
