package dev.metricsagent.agent.weave;

import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/** Conversions between ASM's {@link Type} and the entries of an expanded stack map frame. */
final class FrameTypes {

  private FrameTypes() {}

  /** The frame entry of a value of {@code type}: one entry, even for longs and doubles. */
  static Object of(Type type) {
    switch (type.getSort()) {
      case Type.BOOLEAN:
      case Type.CHAR:
      case Type.BYTE:
      case Type.SHORT:
      case Type.INT:
        return Opcodes.INTEGER;
      case Type.FLOAT:
        return Opcodes.FLOAT;
      case Type.LONG:
        return Opcodes.LONG;
      case Type.DOUBLE:
        return Opcodes.DOUBLE;
      case Type.ARRAY:
        return type.getDescriptor();
      case Type.OBJECT:
        return type.getInternalName();
      default:
        throw new IllegalArgumentException("no frame entry for " + type);
    }
  }

  /** Slots a frame entry stands for: two for longs and doubles. */
  static int slots(Object entry) {
    return entry == Opcodes.LONG || entry == Opcodes.DOUBLE ? 2 : 1;
  }

  /** Pushes the default value of {@code type}: 0, 0L, 0f, 0d or null. */
  static int defaultValueOpcode(Type type) {
    switch (type.getSort()) {
      case Type.FLOAT:
        return Opcodes.FCONST_0;
      case Type.LONG:
        return Opcodes.LCONST_0;
      case Type.DOUBLE:
        return Opcodes.DCONST_0;
      case Type.ARRAY:
      case Type.OBJECT:
        return Opcodes.ACONST_NULL;
      default:
        return Opcodes.ICONST_0;
    }
  }
}
