package dev.metricsagent.instrumentation.rules;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An advice parameter that receives the argument an {@code {argN}} label reads (boxed when
 * primitive), or null when the method's rules read fewer arguments than {@link #value()} + 1.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface LabelArgument {
  /** The argument slot: 0 to {@link InstrumentedMethods#ARGUMENT_SLOTS} - 1. */
  int value();
}
