package dev.metricsagent.instrumentation.api;

import java.lang.annotation.Annotation;

/**
 * How the agent's own advice weaver binds an advice parameter that carries a custom annotation,
 * the counterpart of the {@code Advice.OffsetMapping} Byte Buddy binds it with: to a constant, to
 * one of the method's arguments (boxed when primitive) or to null, decided per advised method.
 */
public interface WovenBinding {

  /** The annotation, named as Byte Buddy's {@code OffsetMapping.Factory} names it. */
  Class<? extends Annotation> getAnnotationType();

  /**
   * What the parameter receives in {@code method}; {@code value} is the annotation's int {@code
   * value()}, or -1 when it has none.
   */
  Bound bind(MethodInfo method, int value);

  /** One parameter's value in one method. */
  final class Bound {
    public static final int CONSTANT = 0;
    public static final int ARGUMENT = 1;
    public static final int NULL = 2;

    private static final Bound NULL_VALUE = new Bound(NULL, 0);

    public final int kind;
    /** The constant, or the argument's index. */
    public final int value;

    private Bound(int kind, int value) {
      this.kind = kind;
      this.value = value;
    }

    public static Bound constant(int value) {
      return new Bound(CONSTANT, value);
    }

    /** The method's argument {@code index}, boxed when primitive. */
    public static Bound argument(int index) {
      return new Bound(ARGUMENT, index);
    }

    public static Bound nullValue() {
      return NULL_VALUE;
    }
  }
}
