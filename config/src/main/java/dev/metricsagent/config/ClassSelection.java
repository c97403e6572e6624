package dev.metricsagent.config;

import java.util.List;

/**
 * One way a rule selects methods: which classes (by name pattern, supertype, interface,
 * annotation; all given conditions must hold) and which of their methods. A rule's
 * {@code class}/{@code extends}/{@code implements}/{@code annotation}/{@code methods} keys form one
 * selection; each {@code select} entry forms another.
 */
public final class ClassSelection {

  private final String origin;
  private final List<NamePattern> classNames;
  private final String extendsClass;
  private final String implementsInterface;
  private final String annotation;
  private final List<MethodPattern> methods;

  ClassSelection(String origin, List<NamePattern> classNames, String extendsClass, String implementsInterface,
      String annotation, List<MethodPattern> methods) {
    this.origin = origin;
    this.classNames = List.copyOf(classNames);
    this.extendsClass = extendsClass;
    this.implementsInterface = implementsInterface;
    this.annotation = annotation;
    this.methods = List.copyOf(methods);
  }

  /** The class-name patterns, any of which must match; empty when the selection does not restrict names. */
  public List<NamePattern> classNames() {
    return classNames;
  }

  /**
   * {@code extends}: the class must be this class or a subclass of it (at any depth, including
   * classes loaded later); null when not restricted.
   */
  public String extendsClass() {
    return extendsClass;
  }

  /**
   * {@code implements}: the class must implement this interface, directly or through a
   * supertype; null when not restricted.
   */
  public String implementsInterface() {
    return implementsInterface;
  }

  /**
   * {@code annotation}: the class or the method must carry this annotation (if the class does,
   * all its methods qualify); null when not restricted.
   */
  public String annotation() {
    return annotation;
  }

  /** The method patterns, any of which must match; empty for all methods. */
  public List<MethodPattern> methods() {
    return methods;
  }

  /** Whether the class name matches the name patterns (always true without patterns). */
  public boolean matchesClassName(String className) {
    if (classNames.isEmpty()) {
      return true;
    }
    for (NamePattern pattern : classNames) {
      if (pattern.matches(className)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a method matches the method patterns by name and erased parameter types (always true without patterns). */
  public boolean matchesMethod(String methodName, List<String> parameterTypeNames) {
    if (methods.isEmpty()) {
      return true;
    }
    for (MethodPattern pattern : methods) {
      if (pattern.matches(methodName, parameterTypeNames)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the class-name patterns confine this selection to known packages, so that the agent
   * can skip every other class by name before looking at its hierarchy or annotations.
   */
  public boolean isPackageScoped() {
    return !classNames.isEmpty() && classNames.stream().allMatch(NamePattern::isPackageScoped);
  }

  /** Where the selection was written: {@code select[1]} or {@code class}. */
  String origin() {
    return origin;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("{");
    if (!classNames.isEmpty()) {
      text.append("class=").append(classNames).append(", ");
    }
    if (extendsClass != null) {
      text.append("extends=").append(extendsClass).append(", ");
    }
    if (implementsInterface != null) {
      text.append("implements=").append(implementsInterface).append(", ");
    }
    if (annotation != null) {
      text.append("annotation=").append(annotation).append(", ");
    }
    return text.append("methods=").append(methods.isEmpty() ? "all" : methods.toString()).append('}').toString();
  }
}
