package dev.metricsagent.agent.weave;

import net.bytebuddy.jar.asm.Type;

/** What one parameter of an advice method stands for in the method the advice goes into. */
final class AdviceParameter {

  enum Kind {
    /** {@code @Advice.This}: the instance, slot 0. */
    THIS,
    /** {@code @Advice.Argument(n)}: the method's argument n, written back when not read-only. */
    ARGUMENT,
    /** {@code @Advice.Return}: the value the method returns, on exit. */
    RETURN,
    /** {@code @Advice.Thrown}: what the method threw, or null, on exit. */
    THROWN,
    /** {@code @Advice.Enter}: what the enter advice returned, on exit. */
    ENTER,
    /** {@code @Advice.Local(name)}: a variable the enter and the exit advice share. */
    LOCAL,
    /** {@code @Advice.FieldValue(name)}: a field of the instance, read where the advice reads it. */
    FIELD_VALUE,
    /** {@code @Advice.Origin("#m")}: the method's name. */
    METHOD_NAME,
    /**
     * An annotation of the instrumentation's own ({@link #name} its descriptor, {@link #index}
     * its int value or -1), bound per method by a {@link CustomBinder}.
     */
    CUSTOM
  }

  final Kind kind;
  final Type type;
  /** The argument's index for {@link Kind#ARGUMENT}, the annotation's value for {@link Kind#CUSTOM}, else -1. */
  final int index;
  /** The local's or the field's name, or the custom annotation's descriptor. */
  final String name;
  final boolean readOnly;

  AdviceParameter(Kind kind, Type type, int index, String name, boolean readOnly) {
    this.kind = kind;
    this.type = type;
    this.index = index;
    this.name = name;
    this.readOnly = readOnly;
  }
}
