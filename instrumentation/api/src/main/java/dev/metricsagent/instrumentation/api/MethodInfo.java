package dev.metricsagent.instrumentation.api;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/** A method or constructor a class declares, as its class file declares it. */
public final class MethodInfo implements Element {

  private final ClassInfo declaringType;
  private final String name;
  private final String descriptor;
  private final int modifiers;
  private final List<String> annotationNames;
  /** Worked out when first asked: most methods are only asked for their name. */
  private List<String> parameterTypeNames;

  MethodInfo(ClassInfo declaringType, String name, String descriptor, int modifiers, List<String> annotationNames) {
    this.declaringType = declaringType;
    this.name = name;
    this.descriptor = descriptor;
    this.modifiers = modifiers;
    this.annotationNames = annotationNames;
  }

  public ClassInfo declaringType() {
    return declaringType;
  }

  /** {@code <init>} for a constructor, {@code <clinit>} for a static initialiser. */
  @Override
  public String name() {
    return name;
  }

  /** {@code (Ljava/lang/String;I)V}. */
  public String descriptor() {
    return descriptor;
  }

  @Override
  public int modifiers() {
    return modifiers;
  }

  /** The binary names of its annotations, those the JVM keeps at run time and the others. */
  public List<String> annotationNames() {
    return annotationNames;
  }

  /**
   * The erased parameter types as {@link Class#getTypeName()} writes them: {@code int}, {@code
   * java.lang.String[]}, {@code java.util.Map$Entry}.
   */
  public List<String> parameterTypeNames() {
    List<String> names = parameterTypeNames;
    if (names == null) {
      Type[] types = Type.getArgumentTypes(descriptor);
      names = new ArrayList<>(types.length);
      for (Type type : types) {
        names.add(type.getClassName());
      }
      names = Collections.unmodifiableList(names);
      parameterTypeNames = names;
    }
    return names;
  }

  public int parameterCount() {
    return parameterTypeNames().size();
  }

  /** The erased return type, named as {@link #parameterTypeNames()} names them; {@code void} too. */
  public String returnTypeName() {
    return Type.getReturnType(descriptor).getClassName();
  }

  public boolean isConstructor() {
    return name.equals("<init>");
  }

  public boolean isTypeInitializer() {
    return name.equals("<clinit>");
  }

  public boolean isNative() {
    return Modifier.isNative(modifiers);
  }

  public boolean isBridge() {
    return (modifiers & Opcodes.ACC_BRIDGE) != 0;
  }

  /** {@code com.example.Client#get(Ljava/lang/String;)V}, for messages. */
  @Override
  public String toString() {
    return declaringType.name() + "#" + name + descriptor;
  }
}
