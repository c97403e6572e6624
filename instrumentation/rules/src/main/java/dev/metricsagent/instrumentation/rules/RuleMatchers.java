package dev.metricsagent.instrumentation.rules;

import dev.metricsagent.instrumentation.api.ClassFileFilter;

import dev.metricsagent.config.ClassSelection;
import dev.metricsagent.config.NamePattern;
import dev.metricsagent.config.RuleConfig;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.description.annotation.AnnotationList;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * What one YAML rule selects, in Byte Buddy terms. The agent and the {@code explain} command both
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
  public boolean selectsType(TypeDescription type) {
    String name = type.getName();
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
  public boolean selectsMethod(MethodDescription method) {
    if (!instrumentable(method)) {
      return false;
    }
    TypeDescription type = method.getDeclaringType().asErasure();
    if (type.isSynthetic() || type.isAnnotation() || rule.isExcludedClass(type.getName())) {
      return false;
    }
    boolean constructor = method.isConstructor();
    if (constructor && !rule.includeConstructors()) {
      return false;
    }
    if (!rule.allowsModifiers(method.getModifiers())) {
      return false;
    }
    List<String> parameterTypes = parameterTypeNames(method);
    if (!constructor && rule.isExcludedMethod(method.getInternalName(), parameterTypes)) {
      return false;
    }
    for (ClassSelection selection : rule.selections()) {
      if (selection.matchesClassName(type.getName())
          && (constructor || selection.matchesMethod(method.getInternalName(), parameterTypes))
          && hierarchyMatches(selection, type)
          && (selection.annotation() == null
              || isAnnotated(type.getDeclaredAnnotations(), selection.annotation())
              || isAnnotated(method.getDeclaredAnnotations(), selection.annotation()))) {
        return true;
      }
    }
    return false;
  }

  /** The erased parameter types as {@link Class#getTypeName()} writes them, as method patterns use them. */
  public static List<String> parameterTypeNames(MethodDescription method) {
    List<String> names = new ArrayList<>();
    for (TypeDescription type : method.getParameters().asTypeList().asErasures()) {
      names.add(type.getActualName());
    }
    return names;
  }

  /** Methods with a body of their own that the user wrote. */
  private static boolean instrumentable(MethodDescription method) {
    return !method.isAbstract() && !method.isNative() && !method.isSynthetic() && !method.isBridge()
        && !method.isTypeInitializer() && !method.getInternalName().startsWith("lambda$");
  }

  private static boolean hierarchyMatches(ClassSelection selection, TypeDescription type) {
    try {
      return (selection.extendsClass() == null || isSameOrSubclass(type, selection.extendsClass()))
          && (selection.implementsInterface() == null
              || ElementMatchers.hasSuperType(ElementMatchers.named(selection.implementsInterface())).matches(type));
    } catch (RuntimeException unresolvable) {
      // A supertype that cannot be read (missing from the class path) cannot be the one asked for.
      return false;
    }
  }

  private static boolean isSameOrSubclass(TypeDescription type, String className) {
    for (TypeDefinition current = type; current != null; current = current.getSuperClass()) {
      if (current.asErasure().getName().equals(className)) {
        return true;
      }
    }
    return false;
  }

  private static boolean annotatedOrDeclaresAnnotated(TypeDescription type, String annotation) {
    if (isAnnotated(type.getDeclaredAnnotations(), annotation)) {
      return true;
    }
    for (MethodDescription method : type.getDeclaredMethods()) {
      if (isAnnotated(method.getDeclaredAnnotations(), annotation)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAnnotated(AnnotationList annotations, String annotation) {
    for (int i = 0; i < annotations.size(); i++) {
      if (annotations.get(i).getAnnotationType().getName().equals(annotation)) {
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
