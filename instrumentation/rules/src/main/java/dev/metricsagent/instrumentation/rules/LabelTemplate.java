package dev.metricsagent.instrumentation.rules;

import dev.metricsagent.config.LabelValue;
import dev.metricsagent.config.RuleConfig;
import dev.metricsagent.instrumentation.api.DataPointCache;
import java.util.List;
import java.util.Map;

/**
 * Where each label value of one rule's metric comes from, for one instrumented method: fixed
 * when the method is instrumented (code_namespace, code_function, constants), or per call (an
 * argument, error_type). Finding the data point of a call then costs one probe of the metric's
 * {@link DataPointCache} and allocates nothing, except {@code String.valueOf} of an argument that is not a String.
 */
final class LabelTemplate {

  private static final int FIXED = -1;
  private static final int ERROR_TYPE = -2;
  /** {@code {argN}} where the method has no parameter N (or N is beyond the arguments passed): empty. */
  private static final int NO_ARGUMENT = -3;

  private final String[] fixed;
  /** Per label: FIXED, ERROR_TYPE, NO_ARGUMENT, or the argument slot (0 to 2) of the advice. */
  private final int[] sources;
  private final boolean variable;

  private LabelTemplate(String[] fixed, int[] sources) {
    this.fixed = fixed;
    this.sources = sources;
    boolean perCall = false;
    for (int source : sources) {
      perCall |= source >= 0;
    }
    this.variable = perCall;
  }

  /**
   * @param labelNames the metric's label names in order (error_type last for timers)
   * @param argumentIndexes the parameter indexes the advice passes, in slot order
   */
  static LabelTemplate of(RuleConfig rule, List<String> labelNames, String className, String function,
      int[] argumentIndexes) {
    String[] fixed = new String[labelNames.size()];
    int[] sources = new int[labelNames.size()];
    Map<String, LabelValue> labels = rule.labels();
    for (int i = 0; i < labelNames.size(); i++) {
      String name = labelNames.get(i);
      sources[i] = FIXED;
      if (name.equals(RuleConfig.CODE_NAMESPACE)) {
        fixed[i] = className;
      } else if (name.equals(RuleConfig.CODE_FUNCTION)) {
        fixed[i] = function;
      } else if (name.equals(RuleConfig.ERROR_TYPE)) {
        sources[i] = ERROR_TYPE;
      } else {
        LabelValue value = labels.get(name);
        if (value.isArgument()) {
          sources[i] = slotOf(argumentIndexes, value.argumentIndex());
        } else {
          fixed[i] = value.constant();
        }
      }
    }
    return new LabelTemplate(fixed, sources);
  }

  private static int slotOf(int[] argumentIndexes, int argumentIndex) {
    for (int slot = 0; slot < argumentIndexes.length; slot++) {
      if (argumentIndexes[slot] == argumentIndex) {
        return slot;
      }
    }
    return NO_ARGUMENT;
  }

  int size() {
    return fixed.length;
  }

  /** Whether some label value depends on the call's arguments. */
  boolean readsArguments() {
    return variable;
  }

  /** The value of label {@code i} for a call; null stands for empty. */
  String value(int i, String errorType, Object a0, Object a1, Object a2) {
    switch (sources[i]) {
      case FIXED:
        return fixed[i];
      case ERROR_TYPE:
        return errorType;
      case NO_ARGUMENT:
        return null;
      case 0:
        return String.valueOf(a0);
      case 1:
        return String.valueOf(a1);
      default:
        return String.valueOf(a2);
    }
  }

  /** The data point of a call's label values; the template has 1 to 6 labels. */
  <T> T find(DataPointCache<T> cache, String errorType, Object a0, Object a1, Object a2) {
    switch (fixed.length) {
      case 1:
        return cache.get(value(0, errorType, a0, a1, a2));
      case 2:
        return cache.get(value(0, errorType, a0, a1, a2), value(1, errorType, a0, a1, a2));
      case 3:
        return cache.get(value(0, errorType, a0, a1, a2), value(1, errorType, a0, a1, a2),
            value(2, errorType, a0, a1, a2));
      case 4:
        return cache.get(value(0, errorType, a0, a1, a2), value(1, errorType, a0, a1, a2),
            value(2, errorType, a0, a1, a2), value(3, errorType, a0, a1, a2));
      case 5:
        return cache.get(value(0, errorType, a0, a1, a2), value(1, errorType, a0, a1, a2),
            value(2, errorType, a0, a1, a2), value(3, errorType, a0, a1, a2), value(4, errorType, a0, a1, a2));
      case 6:
        return cache.get(value(0, errorType, a0, a1, a2), value(1, errorType, a0, a1, a2),
            value(2, errorType, a0, a1, a2), value(3, errorType, a0, a1, a2), value(4, errorType, a0, a1, a2),
            value(5, errorType, a0, a1, a2));
      default:
        throw new IllegalStateException("a rule metric has 1 to 6 labels, not " + fixed.length);
    }
  }
}
