package dev.metricsagent.agent.install;

import dev.metricsagent.instrumentation.api.AddedField;
import dev.metricsagent.instrumentation.api.AdviceFactory;
import dev.metricsagent.instrumentation.api.AdviceTransformer;
import dev.metricsagent.instrumentation.api.ClassInfo;
import dev.metricsagent.instrumentation.api.Matcher;
import dev.metricsagent.instrumentation.api.TypeInstrumentation;

/** One {@link TypeInstrumentation} of one module, ready to match and rewrite types. */
final class TypeTransformation {

  private final String instrumentation;
  private final Matcher<ClassLoader> classLoaderMatcher;
  private final Matcher<ClassInfo> typeMatcher;
  private final AdviceTransformer advice;
  /** Null when the instrumentation adds no field. */
  private final AddedFieldWriter fieldWriter;

  TypeTransformation(String instrumentation, TypeInstrumentation type, AdviceFactory adviceFactory) {
    this.instrumentation = instrumentation;
    this.classLoaderMatcher = type.classLoaderMatcher();
    this.typeMatcher = type.typeMatcher();
    this.advice = type.transformer(adviceFactory);
    AddedField field = type.addedField();
    this.fieldWriter = field == null ? null : new AddedFieldWriter(field);
  }

  /** The module's name, which labels the agent's self-metrics. */
  String instrumentation() {
    return instrumentation;
  }

  /** The class loader first: its check is cached, the type's may read super types. */
  boolean matches(ClassInfo type, ClassLoader loader) {
    return classLoaderMatcher.matches(loader) && typeMatcher.matches(type);
  }

  /** The type matcher alone, for {@link Rewriter#warmUp}. */
  boolean matchesType(ClassInfo type) {
    return typeMatcher.matches(type);
  }

  /** Which advice goes on which methods: the agent's own weaver asks, Byte Buddy is handed it. */
  AdviceTransformer advice() {
    return advice;
  }

  /** The writer of the instrumentation's field when {@code type} gets it, else null. */
  AddedFieldWriter fieldWriter(ClassInfo type, boolean mayAddField) {
    return fieldWriter != null && mayAddField && canHoldField(type) && !inheritsField(type)
        ? fieldWriter
        : null;
  }

  private static boolean canHoldField(ClassInfo type) {
    return !type.isInterface() && !type.isSubtypeOf("java.io.Serializable");
  }

  /**
   * Whether a superclass is one this instrumentation matches, and so holds the field already: a
   * prepared statement would otherwise carry its own beside its parent's (8 bytes more per
   * statement). Should that superclass not get the field after all (another class loader that
   * may not read the bridge, loaded before the agent), neither class has it and the
   * instrumentation falls back to what it does for classes without one.
   */
  private boolean inheritsField(ClassInfo type) {
    for (ClassInfo parent = type.superClass(); parent != null; parent = parent.superClass()) {
      if (typeMatcher.matches(parent)) {
        return true;
      }
    }
    return false;
  }
}
