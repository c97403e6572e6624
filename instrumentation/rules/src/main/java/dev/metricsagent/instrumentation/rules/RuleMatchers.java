package dev.metricsagent.instrumentation.rules;

import dev.metricsagent.config.ClassSelection;
import dev.metricsagent.config.NamePattern;
import dev.metricsagent.config.RuleConfig;
import dev.metricsagent.instrumentation.api.ClassFileFilter;
import dev.metricsagent.instrumentation.api.ClassInfo;
import dev.metricsagent.instrumentation.api.MethodInfo;
import java.util.List;

/**
 * What one YAML rule selects, asked of the agent's class descriptions. The agent and the {@code explain} command both
 * ask this class, so that what explain lists is what the agent instruments.
 *
 * <p>Class names are checked first: they cost a string comparison, while supertypes and
 * annotations cost reading other class files. Abstract and native methods (no body), synthetic
 * methods (bridges, lambda bodies), static initialisers and synthetic classes are never selected.
 */
public final class RuleMatchers {

  private final RuleConfig rule;

  public RuleMatchers(RuleConfig rule) {
    this.rule = rule;
  }

  public RuleConfig rule() {
    return rule;
  }

  /**
   * The classes the rule's name patterns allow, for the agent's pre-filter: by the literal start
   * of each pattern. A selection without a class pattern (an allow_unscoped rule) allows all.
   */
  public ClassFileFilter classFileFilter() {
    ClassFileFilter filter = ClassFileFilter.none();
    for (ClassSelection selection : rule.selections()) {
      if (selection.classNames().isEmpty()) {
        return ClassFileFilter.any();
      }
      for (NamePattern pattern : selection.classNames()) {
        filter = filter.or(ClassFileFilter.nameStartsWith(pattern.literalPrefix()));
      }
    }
    return filter;
  }

  /** Whether any method of this type may be selected: the class conditions of one selection hold. */
  public boolean selectsType(ClassInfo type) {
    String name = type.name();
    if (rule.isExcludedClass(name)) {
      return false;
    }
    for (ClassSelection selection : rule.selections()) {
      if (selection.matchesClassName(name) && !type.isSynthetic() && !type.isAnnotation()
          && hierarchyMatches(selection, type)
          && (selection.annotation() == null || annotatedOrDeclaresAnnotated(type, selection.annotation()))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the rule instruments this method, judged with the type that declares it. */
  public boolean selectsMethod(MethodInfo method) {
    if (!instrumentable(method)) {
      return false;
    }
    ClassInfo type = method.declaringType();
    if (type.isSynthetic() || type.isAnnotation() || rule.isExcludedClass(type.name())) {
      return false;
    }
    boolean constructor = method.isConstructor();
    if (constructor && !rule.includeConstructors()) {
      return false;
    }
    if (!rule.allowsModifiers(method.modifiers())) {
      return false;
    }
    List<String> parameterTypes = method.parameterTypeNames();
    if (!constructor && rule.isExcludedMethod(method.name(), parameterTypes)) {
      return false;
    }
    for (ClassSelection selection : rule.selections()) {
      if (selection.matchesClassName(type.name())
          && (constructor || selection.matchesMethod(method.name(), parameterTypes))
          && hierarchyMatches(selection, type)
          && (selection.annotation() == null
              || type.annotationNames().contains(selection.annotation())
              || method.annotationNames().contains(selection.annotation()))) {
        return true;
      }
    }
    return false;
  }

  /** Methods with a body of their own that the user wrote. */
  private static boolean instrumentable(MethodInfo method) {
    return !method.isAbstract() && !method.isNative() && !method.isSynthetic() && !method.isBridge()
        && !method.isTypeInitializer() && !method.name().startsWith("lambda$");
  }

  /** A super type that cannot be read (missing from the class path) is not the one asked for. */
  private static boolean hierarchyMatches(ClassSelection selection, ClassInfo type) {
    return (selection.extendsClass() == null || isSameOrSubclass(type, selection.extendsClass()))
        && (selection.implementsInterface() == null || type.isSubtypeOf(selection.implementsInterface()));
  }

  private static boolean isSameOrSubclass(ClassInfo type, String className) {
    for (ClassInfo current = type; current != null; current = current.superClass()) {
      if (current.name().equals(className)) {
        return true;
      }
    }
    return false;
  }

  private static boolean annotatedOrDeclaresAnnotated(ClassInfo type, String annotation) {
    if (type.annotationNames().contains(annotation)) {
      return true;
    }
    for (MethodInfo method : type.methods()) {
      if (method.annotationNames().contains(annotation)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "RuleMatchers{" + rule + "}";
  }
}
