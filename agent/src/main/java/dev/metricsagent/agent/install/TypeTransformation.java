package dev.metricsagent.agent.install;

import dev.metricsagent.instrumentation.api.AdviceFactory;
import dev.metricsagent.instrumentation.api.AdviceTransformer;
import dev.metricsagent.instrumentation.api.TypeInstrumentation;
import dev.metricsagent.instrumentation.api.AddedField;
import java.io.Serializable;
import java.security.ProtectionDomain;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/** One {@link TypeInstrumentation} of one module, ready to match and rewrite types. */
final class TypeTransformation {

  private final String instrumentation;
  private final ElementMatcher<ClassLoader> classLoaderMatcher;
  private final ElementMatcher<TypeDescription> typeMatcher;
  private final AgentBuilder.Transformer transformer;
  /** Null when the instrumentation adds no field. */
  private final AddedFieldWriter fieldWriter;

  TypeTransformation(String instrumentation, TypeInstrumentation type, AdviceFactory advice) {
    this.instrumentation = instrumentation;
    this.classLoaderMatcher = type.classLoaderMatcher();
    this.typeMatcher = type.typeMatcher();
    this.transformer = type.transformer(advice);
    AddedField field = type.addedField();
    this.fieldWriter = field == null ? null : new AddedFieldWriter(field);
  }

  /** The module's name, which labels the agent's self-metrics. */
  String instrumentation() {
    return instrumentation;
  }

  /** The class loader first: its check is cached, the type's may parse super types. */
  boolean matches(TypeDescription type, ClassLoader loader) {
    return classLoaderMatcher.matches(loader) && typeMatcher.matches(type);
  }

  /** The type matcher alone, for {@link Rewriter#warmUp}. */
  boolean matchesType(TypeDescription type) {
    return typeMatcher.matches(type);
  }

  /**
   * Adds the advice, and the instrumentation's field when {@code mayAddField} and the type can
   * hold one (see {@link AddedField}).
   */
  DynamicType.Builder<?> apply(
      DynamicType.Builder<?> builder,
      TypeDescription type,
      ClassLoader loader,
      JavaModule module,
      ProtectionDomain protectionDomain,
      boolean mayAddField) {
    builder = transformer.transform(builder, type, loader, module, protectionDomain);
    AddedFieldWriter field = fieldWriter(type, mayAddField);
    return field == null ? builder : builder.visit(field);
  }

  /**
   * The advice when the agent's own weaver may inline it ({@code AdviceWeaver}): any made by
   * {@code AdviceFactory}; null for a transformer of another kind, which only Byte Buddy runs.
   */
  AdviceTransformer weavableAdvice() {
    return transformer instanceof AdviceTransformer ? (AdviceTransformer) transformer : null;
  }

  /** The writer of the instrumentation's field when {@code type} gets it, else null. */
  AddedFieldWriter fieldWriter(TypeDescription type, boolean mayAddField) {
    return fieldWriter != null && mayAddField && canHoldField(type) && !inheritsField(type)
        ? fieldWriter
        : null;
  }

  private static boolean canHoldField(TypeDescription type) {
    return !type.isInterface() && !type.isAssignableTo(Serializable.class);
  }

  /**
   * Whether a superclass is one this instrumentation matches, and so holds the field already: a
   * prepared statement would otherwise carry its own beside its parent's (8 bytes more per
   * statement). Should that superclass not get the field after all (another class loader that
   * may not read the bridge, loaded before the agent), neither class has it and the
   * instrumentation falls back to what it does for classes without one.
   */
  private boolean inheritsField(TypeDescription type) {
    for (TypeDescription.Generic parent = type.getSuperClass();
        parent != null;
        parent = parent.getSuperClass()) {
      if (typeMatcher.matches(parent.asErasure())) {
        return true;
      }
    }
    return false;
  }
}
