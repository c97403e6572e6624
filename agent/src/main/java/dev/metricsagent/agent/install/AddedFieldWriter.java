package dev.metricsagent.agent.install;

import dev.metricsagent.instrumentation.api.AddedField;
import java.util.Arrays;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Writes an {@link AddedField} into a class file: a private transient synthetic {@code Object}
 * field, the accessor interface, and its getter and setter. Plain ASM rather than Byte Buddy's
 * {@code defineField}, which a decorated type (advice only, {@link Rewriter}) does not offer.
 * Synthetic, so that serializers, mappers and debuggers that skip compiler-made members skip
 * these too.
 */
final class AddedFieldWriter {

  private static final String OBJECT = "Ljava/lang/Object;";

  private final String accessor;
  private final String name;

  AddedFieldWriter(AddedField field) {
    this.accessor = Type.getInternalName(field.accessor());
    this.name = field.name();
  }

  /** {@code classVisitor} with the field, the interface and its methods added to the class. */
  ClassVisitor wrap(ClassVisitor classVisitor) {
    return new ClassVisitor(Opcodes.ASM9, classVisitor) {
      private String owner;

      @Override
      public void visit(
          int version, int access, String type, String signature, String superName, String[] interfaces) {
        String[] all = interfaces == null ? new String[0] : interfaces;
        if (!Arrays.asList(all).contains(accessor)) {
          owner = type;
          all = Arrays.copyOf(all, all.length + 1);
          all[all.length - 1] = accessor;
        }
        super.visit(version, access, type, signature, superName, all);
      }

      @Override
      public void visitEnd() {
        if (owner != null) {
          writeMembers();
        }
        super.visitEnd();
      }

      private void writeMembers() {
        int synthetic = Opcodes.ACC_SYNTHETIC;
        super.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_TRANSIENT | synthetic, name, OBJECT, null, null)
            .visitEnd();

        MethodVisitor getter =
            super.visitMethod(Opcodes.ACC_PUBLIC | synthetic, name, "()" + OBJECT, null, null);
        getter.visitCode();
        getter.visitVarInsn(Opcodes.ALOAD, 0);
        getter.visitFieldInsn(Opcodes.GETFIELD, owner, name, OBJECT);
        getter.visitInsn(Opcodes.ARETURN);
        getter.visitMaxs(1, 1);
        getter.visitEnd();

        MethodVisitor setter =
            super.visitMethod(Opcodes.ACC_PUBLIC | synthetic, name, "(" + OBJECT + ")V", null, null);
        setter.visitCode();
        setter.visitVarInsn(Opcodes.ALOAD, 0);
        setter.visitVarInsn(Opcodes.ALOAD, 1);
        setter.visitFieldInsn(Opcodes.PUTFIELD, owner, name, OBJECT);
        setter.visitInsn(Opcodes.RETURN);
        setter.visitMaxs(2, 2);
        setter.visitEnd();
      }
    };
  }
}
