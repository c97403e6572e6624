package dev.metricsagent.agent.weave;

import net.bytebuddy.jar.asm.ConstantDynamic;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Follows the operand stack's depth through a method's code and refuses the method when a
 * {@code return} leaves more on the stack than the value it returns. javac never does; other
 * compilers may, and the exit advice's frame, which {@link AdvisedMethod} writes with an empty
 * stack, would then fail verification in the application. The depth is known at every
 * instruction: each one after an unconditional jump has a frame (class files from Java 7 on),
 * which gives it.
 */
final class ReturnStackCheck extends MethodVisitor {

  /** Stack effect of each zero-operand instruction, by opcode, from NOP (0) to MONITOREXIT (195). */
  private static final int[] INSN_DELTA = new int[196];

  static {
    int[][] groups = {
      {0, Opcodes.NOP, Opcodes.SWAP, Opcodes.INEG, Opcodes.LNEG, Opcodes.FNEG, Opcodes.DNEG,
        Opcodes.I2F, Opcodes.L2D, Opcodes.F2I, Opcodes.D2L, Opcodes.I2B, Opcodes.I2C, Opcodes.I2S,
        Opcodes.ARRAYLENGTH, Opcodes.LALOAD, Opcodes.DALOAD},
      {1, Opcodes.ACONST_NULL, Opcodes.ICONST_M1, Opcodes.ICONST_0, Opcodes.ICONST_1,
        Opcodes.ICONST_2, Opcodes.ICONST_3, Opcodes.ICONST_4, Opcodes.ICONST_5, Opcodes.FCONST_0,
        Opcodes.FCONST_1, Opcodes.FCONST_2, Opcodes.DUP, Opcodes.DUP_X1, Opcodes.DUP_X2,
        Opcodes.I2L, Opcodes.I2D, Opcodes.F2L, Opcodes.F2D},
      {2, Opcodes.LCONST_0, Opcodes.LCONST_1, Opcodes.DCONST_0, Opcodes.DCONST_1, Opcodes.DUP2,
        Opcodes.DUP2_X1, Opcodes.DUP2_X2},
      {-1, Opcodes.IALOAD, Opcodes.FALOAD, Opcodes.AALOAD, Opcodes.BALOAD, Opcodes.CALOAD,
        Opcodes.SALOAD, Opcodes.POP, Opcodes.IADD, Opcodes.FADD, Opcodes.ISUB, Opcodes.FSUB,
        Opcodes.IMUL, Opcodes.FMUL, Opcodes.IDIV, Opcodes.FDIV, Opcodes.IREM, Opcodes.FREM,
        Opcodes.ISHL, Opcodes.LSHL, Opcodes.ISHR, Opcodes.LSHR, Opcodes.IUSHR, Opcodes.LUSHR,
        Opcodes.IAND, Opcodes.IOR, Opcodes.IXOR, Opcodes.L2I, Opcodes.L2F, Opcodes.D2I,
        Opcodes.D2F, Opcodes.FCMPL, Opcodes.FCMPG, Opcodes.MONITORENTER, Opcodes.MONITOREXIT},
      {-2, Opcodes.POP2, Opcodes.LADD, Opcodes.DADD, Opcodes.LSUB, Opcodes.DSUB, Opcodes.LMUL,
        Opcodes.DMUL, Opcodes.LDIV, Opcodes.DDIV, Opcodes.LREM, Opcodes.DREM, Opcodes.LAND,
        Opcodes.LOR, Opcodes.LXOR},
      {-3, Opcodes.IASTORE, Opcodes.FASTORE, Opcodes.AASTORE, Opcodes.BASTORE, Opcodes.CASTORE,
        Opcodes.SASTORE, Opcodes.LCMP, Opcodes.DCMPL, Opcodes.DCMPG},
      {-4, Opcodes.LASTORE, Opcodes.DASTORE},
    };
    for (int[] group : groups) {
      for (int i = 1; i < group.length; i++) {
        INSN_DELTA[group[i]] = group[0];
      }
    }
  }

  private final String method;
  private final int returnSize;
  private int depth;

  ReturnStackCheck(MethodVisitor next, String name, String descriptor) {
    super(Opcodes.ASM9, next);
    this.method = name + descriptor;
    this.returnSize = Type.getReturnType(descriptor).getSize();
  }

  @Override
  public void visitFrame(int type, int localCount, Object[] locals, int stackCount, Object[] stack) {
    depth = 0;
    for (int i = 0; i < stackCount; i++) {
      depth += FrameTypes.slots(stack[i]);
    }
    super.visitFrame(type, localCount, locals, stackCount, stack);
  }

  @Override
  public void visitInsn(int opcode) {
    if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN && depth != returnSize) {
      throw new IllegalStateException(method + ": a return with " + depth + " stack slots filled");
    }
    if (opcode < INSN_DELTA.length) {
      depth += INSN_DELTA[opcode];
    }
    super.visitInsn(opcode);
  }

  @Override
  public void visitIntInsn(int opcode, int operand) {
    depth += opcode == Opcodes.NEWARRAY ? 0 : 1;
    super.visitIntInsn(opcode, operand);
  }

  @Override
  public void visitVarInsn(int opcode, int slot) {
    switch (opcode) {
      case Opcodes.ILOAD: case Opcodes.FLOAD: case Opcodes.ALOAD:
        depth += 1;
        break;
      case Opcodes.LLOAD: case Opcodes.DLOAD:
        depth += 2;
        break;
      case Opcodes.ISTORE: case Opcodes.FSTORE: case Opcodes.ASTORE:
        depth -= 1;
        break;
      case Opcodes.LSTORE: case Opcodes.DSTORE:
        depth -= 2;
        break;
      default: // RET, which class files with frames do not have
    }
    super.visitVarInsn(opcode, slot);
  }

  @Override
  public void visitTypeInsn(int opcode, String type) {
    depth += opcode == Opcodes.NEW ? 1 : 0;
    super.visitTypeInsn(opcode, type);
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
    int size = Type.getType(descriptor).getSize();
    switch (opcode) {
      case Opcodes.GETSTATIC:
        depth += size;
        break;
      case Opcodes.PUTSTATIC:
        depth -= size;
        break;
      case Opcodes.GETFIELD:
        depth += size - 1;
        break;
      default: // PUTFIELD
        depth -= size + 1;
    }
    super.visitFieldInsn(opcode, owner, name, descriptor);
  }

  @Override
  public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
    int sizes = Type.getArgumentsAndReturnSizes(descriptor);
    // The argument size counts a receiver, which a static call does not pop.
    depth += (sizes & 3) - (sizes >> 2) + (opcode == Opcodes.INVOKESTATIC ? 1 : 0);
    super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
  }

  @Override
  public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
    int sizes = Type.getArgumentsAndReturnSizes(descriptor);
    depth += (sizes & 3) - (sizes >> 2) + 1;
    super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
  }

  @Override
  public void visitJumpInsn(int opcode, Label label) {
    if (opcode >= Opcodes.IF_ICMPEQ && opcode <= Opcodes.IF_ACMPNE) {
      depth -= 2;
    } else if (opcode != Opcodes.GOTO && opcode != Opcodes.JSR) {
      depth -= 1;
    }
    super.visitJumpInsn(opcode, label);
  }

  @Override
  public void visitLdcInsn(Object value) {
    boolean wide =
        value instanceof Long
            || value instanceof Double
            || (value instanceof ConstantDynamic && ((ConstantDynamic) value).getSize() == 2);
    depth += wide ? 2 : 1;
    super.visitLdcInsn(value);
  }

  @Override
  public void visitTableSwitchInsn(int min, int max, Label defaultLabel, Label... labels) {
    depth -= 1;
    super.visitTableSwitchInsn(min, max, defaultLabel, labels);
  }

  @Override
  public void visitLookupSwitchInsn(Label defaultLabel, int[] keys, Label[] labels) {
    depth -= 1;
    super.visitLookupSwitchInsn(defaultLabel, keys, labels);
  }

  @Override
  public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
    depth += 1 - dimensions;
    super.visitMultiANewArrayInsn(descriptor, dimensions);
  }
}
