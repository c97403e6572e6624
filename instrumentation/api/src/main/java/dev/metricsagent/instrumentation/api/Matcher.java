package dev.metricsagent.instrumentation.api;

/**
 * A yes-or-no question about a class, a method or a class loader, asked while classes load:
 * which types an instrumentation rewrites and which of their methods get advice. Built with
 * {@link Matchers}; {@code and} and {@code or} narrow the target type as Byte Buddy's junctions
 * do, so {@code named("close").and(takesArguments(0))} is a matcher of methods.
 */
@FunctionalInterface
public interface Matcher<T> {

  boolean matches(T target);

  default <U extends T> Matcher<U> and(Matcher<? super U> other) {
    return target -> matches(target) && other.matches(target);
  }

  default <U extends T> Matcher<U> or(Matcher<? super U> other) {
    return target -> matches(target) || other.matches(target);
  }
}
