package dev.metricsagent.instrumentation.rules;

import dev.metricsagent.instrumentation.api.AdviceFactory;
import dev.metricsagent.instrumentation.api.AdviceTransformer;
import dev.metricsagent.instrumentation.api.ClassFileFilter;
import dev.metricsagent.instrumentation.api.ClassInfo;
import dev.metricsagent.instrumentation.api.Matcher;
import dev.metricsagent.instrumentation.api.MethodInfo;
import dev.metricsagent.instrumentation.api.TypeInstrumentation;
import java.util.List;
import net.bytebuddy.asm.Advice;

/**
 * The classes of every rule: a type is transformed when one rule selects it, and each of its
 * methods gets the timer advice, the constructor timer advice or the counter advice, according
 * to the rules that select that method.
 */
final class RulesInstrumentation implements TypeInstrumentation {

  private final List<RuleMatchers> rules;
  private final InstrumentedMethods methods;

  RulesInstrumentation(List<RuleMatchers> rules, InstrumentedMethods methods) {
    this.rules = List.copyOf(rules);
    this.methods = methods;
  }

  @Override
  public ClassFileFilter classFileFilter() {
    ClassFileFilter filter = ClassFileFilter.none();
    for (RuleMatchers rule : rules) {
      filter = filter.or(rule.classFileFilter());
    }
    return filter;
  }

  @Override
  public Matcher<ClassInfo> typeMatcher() {
    return type -> {
      for (RuleMatchers rule : rules) {
        if (rule.selectsType(type)) {
          return true;
        }
      }
      return false;
    };
  }

  @Override
  public AdviceTransformer transformer(AdviceFactory advice) {
    MethodIdMapping methodId = new MethodIdMapping(methods);
    LabelArgumentMapping labelArgument = new LabelArgumentMapping(methods);
    return advice
        .forAdvice(
            () -> Advice.withCustomMapping().bind(methodId).bind(labelArgument),
            List.of(methodId, labelArgument))
        .advice(new AdviceChoice(methods, AdviceChoice.TIMED_METHOD), TimedMethodAdvice.class.getName())
        .advice(new AdviceChoice(methods, AdviceChoice.TIMED_CONSTRUCTOR), TimedConstructorAdvice.class.getName())
        .advice(new AdviceChoice(methods, AdviceChoice.COUNTED), CountedMethodAdvice.class.getName());
  }

  /** Which of the three advice classes a method gets: exactly one, or none when no rule selects it. */
  private static final class AdviceChoice implements Matcher<MethodInfo> {
    static final int TIMED_METHOD = 0;
    static final int TIMED_CONSTRUCTOR = 1;
    static final int COUNTED = 2;

    private final InstrumentedMethods methods;
    private final int choice;

    AdviceChoice(InstrumentedMethods methods, int choice) {
      this.methods = methods;
      this.choice = choice;
    }

    @Override
    public boolean matches(MethodInfo method) {
      MethodPlan plan = methods.planFor(method);
      if (plan == null) {
        return false;
      }
      if (!plan.timed()) {
        return choice == COUNTED;
      }
      return choice == (method.isConstructor() ? TIMED_CONSTRUCTOR : TIMED_METHOD);
    }
  }
}
