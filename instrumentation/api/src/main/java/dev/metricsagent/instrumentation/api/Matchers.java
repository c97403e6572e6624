package dev.metricsagent.instrumentation.api;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The matchers instrumentations are written with, named as Byte Buddy's {@code ElementMatchers}
 * name theirs. Types are named as {@link Class#getName()} names them ({@code a.b.Outer$Inner});
 * parameter and return types as {@link Class#getTypeName()} does ({@code int}, {@code byte[]}).
 */
public final class Matchers {

  private Matchers() {}

  public static <T> Matcher<T> any() {
    return target -> true;
  }

  public static <T> Matcher<T> none() {
    return target -> false;
  }

  public static <T> Matcher<T> not(Matcher<? super T> matcher) {
    return target -> !matcher.matches(target);
  }

  public static <T extends Element> Matcher<T> named(String name) {
    return element -> element.name().equals(name);
  }

  public static <T extends Element> Matcher<T> namedOneOf(String... names) {
    List<String> all = List.of(names);
    return element -> all.contains(element.name());
  }

  public static <T extends Element> Matcher<T> nameStartsWith(String prefix) {
    return element -> element.name().startsWith(prefix);
  }

  public static <T extends Element> Matcher<T> isPublic() {
    return Element::isPublic;
  }

  public static <T extends Element> Matcher<T> isStatic() {
    return Element::isStatic;
  }

  public static <T extends Element> Matcher<T> isAbstract() {
    return Element::isAbstract;
  }

  public static <T extends Element> Matcher<T> isSynthetic() {
    return Element::isSynthetic;
  }

  public static Matcher<ClassInfo> isInterface() {
    return ClassInfo::isInterface;
  }

  /**
   * The type itself, a super class or an interface anywhere above it matches. Super types whose
   * class files cannot be read match nothing.
   */
  public static Matcher<ClassInfo> hasSuperType(Matcher<? super ClassInfo> matcher) {
    return type -> {
      Set<String> seen = new HashSet<>();
      for (ClassInfo current = type; current != null && !seen.contains(current.name()); current = current.superClass()) {
        if (selfOrInterfaceMatches(current, matcher, seen)) {
          return true;
        }
      }
      return false;
    };
  }

  private static boolean selfOrInterfaceMatches(ClassInfo type, Matcher<? super ClassInfo> matcher, Set<String> seen) {
    if (!seen.add(type.name())) {
      return false; // an interface two paths lead to was answered already
    }
    if (matcher.matches(type)) {
      return true;
    }
    for (ClassInfo implemented : type.interfaces()) {
      if (selfOrInterfaceMatches(implemented, matcher, seen)) {
        return true;
      }
    }
    return false;
  }

  /** One of the type's own methods or constructors matches. */
  public static Matcher<ClassInfo> declaresMethod(Matcher<? super MethodInfo> matcher) {
    return type -> {
      for (MethodInfo method : type.methods()) {
        if (matcher.matches(method)) {
          return true;
        }
      }
      return false;
    };
  }

  public static Matcher<MethodInfo> isConstructor() {
    return MethodInfo::isConstructor;
  }

  public static Matcher<MethodInfo> isDeclaredBy(String typeName) {
    return method -> method.declaringType().name().equals(typeName);
  }

  public static Matcher<MethodInfo> takesNoArguments() {
    return takesArguments(0);
  }

  public static Matcher<MethodInfo> takesArguments(int count) {
    return method -> method.parameterCount() == count;
  }

  /** Exactly these parameter types, in this order. */
  public static Matcher<MethodInfo> takesArguments(String... typeNames) {
    List<String> expected = List.of(typeNames);
    return method -> method.parameterTypeNames().equals(expected);
  }

  /** The parameter at {@code index} (0 the first) is of this type. */
  public static Matcher<MethodInfo> takesArgument(int index, String typeName) {
    return method -> {
      List<String> types = method.parameterTypeNames();
      return index < types.size() && types.get(index).equals(typeName);
    };
  }

  public static Matcher<MethodInfo> returns(String typeName) {
    return method -> method.returnTypeName().equals(typeName);
  }
}
