package dev.metricsagent.instrumentation.api;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * A class as its class file declares it: name, modifiers, super types, annotations, methods and
 * fields, what the instrumentations' {@link Matchers} ask and the advice weaver needs. Read
 * without loading anything ({@link #read}); super types are read on demand through the {@link
 * TypeResolver} of the class's loader.
 */
public final class ClassInfo implements Element {

  private final String name;
  private final int modifiers;
  /** Null for {@code java.lang.Object} and for module-info. */
  private final String superClassName;
  private final List<String> interfaceNames;
  private final TypeResolver resolver;
  // Filled by ClassInfoReader as it reads on, then never changed.
  private final List<String> annotationNames = new ArrayList<>(0);
  private final List<MethodInfo> methods = new ArrayList<>();
  private final List<FieldInfo> fields = new ArrayList<>();

  ClassInfo(
      String name, int modifiers, String superClassName, List<String> interfaceNames, TypeResolver resolver) {
    this.name = name;
    this.modifiers = modifiers;
    this.superClassName = superClassName;
    this.interfaceNames = interfaceNames;
    this.resolver = resolver;
  }

  /**
   * The class in this class file; its super types resolve through {@code resolver}. Throws
   * {@link IllegalArgumentException} for what is not a class file.
   */
  public static ClassInfo read(byte[] classFile, TypeResolver resolver) {
    return ClassInfoReader.read(classFile, resolver);
  }

  void addAnnotation(String annotationName) {
    annotationNames.add(annotationName);
  }

  void addField(FieldInfo field) {
    fields.add(field);
  }

  /** Its annotations are added to the list returned, as they are read. */
  List<String> addMethod(String name, String descriptor, int modifiers) {
    List<String> methodAnnotations = new ArrayList<>(0);
    methods.add(new MethodInfo(this, name, descriptor, modifiers, Collections.unmodifiableList(methodAnnotations)));
    return methodAnnotations;
  }

  /** The binary name: {@code a.b.Outer$Inner}. */
  @Override
  public String name() {
    return name;
  }

  /** {@code a/b/Outer$Inner}. */
  public String internalName() {
    return name.replace('.', '/');
  }

  /** {@code a.b}, empty in the unnamed package. */
  public String packageName() {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(0, dot);
  }

  @Override
  public int modifiers() {
    return modifiers;
  }

  public boolean isInterface() {
    return Modifier.isInterface(modifiers);
  }

  public boolean isAnnotation() {
    return (modifiers & Opcodes.ACC_ANNOTATION) != 0;
  }

  /** Null for {@code java.lang.Object}. */
  public String superClassName() {
    return superClassName;
  }

  public List<String> interfaceNames() {
    return interfaceNames;
  }

  /** The binary names of its annotations, those the JVM keeps at run time and the others. */
  public List<String> annotationNames() {
    return Collections.unmodifiableList(annotationNames);
  }

  /** Declared methods and constructors, the static initialiser too, in class-file order. */
  public List<MethodInfo> methods() {
    return Collections.unmodifiableList(methods);
  }

  /** The declared method with this name and descriptor, or null. */
  public MethodInfo method(String name, String descriptor) {
    for (MethodInfo method : methods) {
      if (method.name().equals(name) && method.descriptor().equals(descriptor)) {
        return method;
      }
    }
    return null;
  }

  public List<FieldInfo> fields() {
    return Collections.unmodifiableList(fields);
  }

  /** Null for {@code java.lang.Object}, and when the super class cannot be read. */
  public ClassInfo superClass() {
    return superClassName == null ? null : resolver.resolve(superClassName);
  }

  /** The directly implemented interfaces that can be read. */
  public List<ClassInfo> interfaces() {
    List<ClassInfo> interfaces = new ArrayList<>(interfaceNames.size());
    for (String interfaceName : interfaceNames) {
      ClassInfo resolved = resolver.resolve(interfaceName);
      if (resolved != null) {
        interfaces.add(resolved);
      }
    }
    return interfaces;
  }

  /**
   * Whether this class is {@code name}, extends it or implements it, as far as its super types
   * can be read.
   */
  public boolean isSubtypeOf(String name) {
    return Matchers.hasSuperType(Matchers.<ClassInfo>named(name)).matches(this);
  }

  @Override
  public String toString() {
    return name;
  }
}
