package dev.metricsagent.agent.weave;

import dev.metricsagent.agent.weave.AdviceParameter.Kind;
import dev.metricsagent.instrumentation.api.WovenBinding;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.Attribute;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.jar.asm.TypePath;

/**
 * Copies one advice method's code into the method being advised: the advice's parameters become
 * the advised method's slots they are bound to, its own variables move to the advised method's
 * advice region, its frames get the advised method's slots in front, and each {@code return}
 * jumps to {@code end} instead (an enter advice's value stored first). Everything that is not
 * code (annotations, debug information, the maxima) is dropped.
 */
final class AdviceInliner extends MethodVisitor {

  /** The box of each primitive, by its {@link Type#getSort()}. */
  private static final String[] BOXES = {
    null,
    "java/lang/Boolean",
    "java/lang/Character",
    "java/lang/Byte",
    "java/lang/Short",
    "java/lang/Integer",
    "java/lang/Float",
    "java/lang/Long",
    "java/lang/Double"
  };

  private final AdvisedMethod method;
  private final AdviceMethod advice;
  private final boolean isEnter;
  private final Label end;
  private final int parameterSlots;

  AdviceInliner(MethodVisitor target, AdvisedMethod method, AdviceMethod advice, boolean isEnter, Label end) {
    super(Opcodes.ASM9, target);
    this.method = method;
    this.advice = advice;
    this.isEnter = isEnter;
    this.end = end;
    this.parameterSlots = advice.parameterSlots();
  }

  @Override
  public void visitFrame(int type, int localCount, Object[] locals, int stackCount, Object[] stack) {
    if (type != Opcodes.F_NEW) {
      throw new IllegalStateException("advice frames must be expanded");
    }
    Object[] base = method.baseFrame(isEnter);
    int slot = 0;
    int own = 0;
    Object[] translated = new Object[base.length + localCount];
    System.arraycopy(base, 0, translated, 0, base.length);
    for (int i = 0; i < localCount; i++) {
      int size = FrameTypes.slots(locals[i]);
      if (slot >= parameterSlots) {
        translated[base.length + own++] = locals[i];
      } else if (slot + size > parameterSlots) {
        throw new IllegalStateException("a frame entry across the advice's parameters");
      }
      slot += size;
    }
    super.visitFrame(Opcodes.F_NEW, base.length + own, translated, stackCount, stack);
  }

  @Override
  public void visitVarInsn(int opcode, int slot) {
    if (slot >= parameterSlots) {
      super.visitVarInsn(opcode, method.regionSlot(slot - parameterSlots));
      return;
    }
    AdviceParameter parameter = advice.parameterAt(slot);
    boolean isLoad = opcode >= Opcodes.ILOAD && opcode <= Opcodes.ALOAD;
    if (!isLoad && parameter.readOnly) {
      throw new IllegalStateException("the advice writes its read-only " + parameter.kind);
    }
    switch (parameter.kind) {
      case THIS:
        super.visitVarInsn(Opcodes.ALOAD, 0);
        break;
      case FIELD_VALUE:
        super.visitVarInsn(Opcodes.ALOAD, 0);
        super.visitFieldInsn(
            Opcodes.GETFIELD, method.owner(), parameter.name, method.fieldDescriptor(parameter.name));
        break;
      case METHOD_NAME:
        super.visitLdcInsn(method.name());
        break;
      case CUSTOM:
        loadCustom(parameter);
        break;
      default:
        super.visitVarInsn(opcode, method.slotOf(parameter));
    }
  }

  private void loadCustom(AdviceParameter parameter) {
    WovenBinding.Bound bound = method.customValue(parameter);
    switch (bound.kind) {
      case WovenBinding.Bound.CONSTANT:
        super.visitLdcInsn(bound.value);
        break;
      case WovenBinding.Bound.ARGUMENT:
        Type argument = method.argumentType(bound.value);
        super.visitVarInsn(argument.getOpcode(Opcodes.ILOAD), method.argumentSlot(bound.value));
        if (argument.getSort() < Type.ARRAY && !parameter.type.equals(argument)) {
          box(argument);
        }
        break;
      default:
        super.visitInsn(Opcodes.ACONST_NULL);
    }
  }

  /** {@code Integer.valueOf(int)} and its siblings, as javac boxes. */
  private void box(Type primitive) {
    Type boxed = Type.getObjectType(BOXES[primitive.getSort()]);
    super.visitMethodInsn(
        Opcodes.INVOKESTATIC,
        boxed.getInternalName(),
        "valueOf",
        Type.getMethodDescriptor(boxed, primitive),
        false);
  }

  @Override
  public void visitIincInsn(int slot, int increment) {
    if (slot >= parameterSlots) {
      super.visitIincInsn(method.regionSlot(slot - parameterSlots), increment);
      return;
    }
    AdviceParameter parameter = advice.parameterAt(slot);
    if (parameter.readOnly || parameter.kind == Kind.THIS) {
      throw new IllegalStateException("the advice writes its read-only " + parameter.kind);
    }
    super.visitIincInsn(method.slotOf(parameter), increment);
  }

  @Override
  public void visitInsn(int opcode) {
    if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
      if (opcode != Opcodes.RETURN) {
        Type value = advice.returnType();
        if (isEnter) {
          super.visitVarInsn(value.getOpcode(Opcodes.ISTORE), method.enterSlot());
        } else {
          super.visitInsn(value.getSize() == 2 ? Opcodes.POP2 : Opcodes.POP);
        }
      }
      super.visitJumpInsn(Opcodes.GOTO, end);
      return;
    }
    super.visitInsn(opcode);
  }

  // What is not code stays out of the advised method.

  @Override
  public void visitParameter(String name, int access) {}

  @Override
  public AnnotationVisitor visitAnnotationDefault() {
    return null;
  }

  @Override
  public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
    return null;
  }

  @Override
  public AnnotationVisitor visitTypeAnnotation(
      int typeRef, TypePath typePath, String descriptor, boolean visible) {
    return null;
  }

  @Override
  public void visitAnnotableParameterCount(int parameterCount, boolean visible) {}

  @Override
  public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
    return null;
  }

  @Override
  public void visitAttribute(Attribute attribute) {}

  @Override
  public void visitCode() {}

  @Override
  public AnnotationVisitor visitInsnAnnotation(
      int typeRef, TypePath typePath, String descriptor, boolean visible) {
    return null;
  }

  @Override
  public AnnotationVisitor visitTryCatchAnnotation(
      int typeRef, TypePath typePath, String descriptor, boolean visible) {
    return null;
  }

  @Override
  public void visitLocalVariable(
      String name, String descriptor, String signature, Label start, Label end, int index) {}

  @Override
  public AnnotationVisitor visitLocalVariableAnnotation(
      int typeRef,
      TypePath typePath,
      Label[] start,
      Label[] end,
      int[] index,
      String descriptor,
      boolean visible) {
    return null;
  }

  @Override
  public void visitLineNumber(int line, Label start) {}

  @Override
  public void visitMaxs(int maxStack, int maxLocals) {}

  @Override
  public void visitEnd() {}
}
