package dev.metricsagent.instrumentation.api;

import java.lang.reflect.Modifier;
import net.bytebuddy.jar.asm.Opcodes;

/** What classes, methods and fields all have, for the matchers of names and modifiers. */
public interface Element {

  /** A class's binary name ({@code a.b.Outer$Inner}), a method's name ({@code <init>} too). */
  String name();

  /** The access flags of the class file, as {@link java.lang.reflect.Modifier} reads them. */
  int modifiers();

  default boolean isPublic() {
    return Modifier.isPublic(modifiers());
  }

  default boolean isStatic() {
    return Modifier.isStatic(modifiers());
  }

  default boolean isAbstract() {
    return Modifier.isAbstract(modifiers());
  }

  default boolean isSynthetic() {
    return (modifiers() & Opcodes.ACC_SYNTHETIC) != 0;
  }
}
