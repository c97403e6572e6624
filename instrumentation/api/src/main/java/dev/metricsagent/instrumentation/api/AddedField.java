package dev.metricsagent.instrumentation.api;

import java.lang.reflect.Method;

/**
 * A field an instrumentation adds to the classes it rewrites, for what it keeps per instance,
 * reached through an interface on the bootstrap class path that those classes are made to
 * implement: {@code Object name()} reads the field, {@code void name(Object)} writes it.
 *
 * <p>The JVM lets a field be added only while a class loads. The agent adds it then, and again
 * whenever a class that has it is retransformed (for another agent: a retransformation that
 * dropped it would be refused), but never to a class loaded before the agent, nor to a
 * serializable class (its default serialVersionUID would change), nor where the class's loader
 * or module cannot reach the bootstrap classes. So an instrumentation keeps a way that needs no
 * field: the field is the fast path, never the only one.
 */
public final class AddedField {

  private final Class<?> accessor;
  private final String name;

  private AddedField(Class<?> accessor, String name) {
    this.accessor = accessor;
    this.name = name;
  }

  /** @throws IllegalArgumentException if {@code accessor} is not an interface of that shape */
  public static AddedField accessedThrough(Class<?> accessor) {
    Method[] methods = accessor.getDeclaredMethods();
    if (!accessor.isInterface() || methods.length != 2 || !methods[0].getName().equals(methods[1].getName())) {
      throw new IllegalArgumentException(accessor + " must declare a getter and a setter of one name");
    }
    for (Method method : methods) {
      boolean getter = method.getParameterCount() == 0 && method.getReturnType() == Object.class;
      boolean setter =
          method.getParameterCount() == 1
              && method.getParameterTypes()[0] == Object.class
              && method.getReturnType() == void.class;
      if (!getter && !setter) {
        throw new IllegalArgumentException(method + " is neither Object name() nor void name(Object)");
      }
    }
    return new AddedField(accessor, methods[0].getName());
  }

  /** The interface the rewritten classes implement. */
  public Class<?> accessor() {
    return accessor;
  }

  /** The field's name, which is also its two methods'. */
  public String name() {
    return name;
  }
}
