package dev.metricsagent.instrumentation.api;

import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/** Reads a {@link ClassInfo}: the class file's declarations, skipping all code. */
final class ClassInfoReader extends ClassVisitor {

  /** Leaves out ASM's pseudo-flags (deprecated, record) above the class file's 16 bits. */
  private static final int ACCESS_FLAGS = 0xFFFF;

  private final TypeResolver resolver;
  private ClassInfo type;

  private ClassInfoReader(TypeResolver resolver) {
    super(Opcodes.ASM9);
    this.resolver = resolver;
  }

  static ClassInfo read(byte[] classFile, TypeResolver resolver) {
    ClassInfoReader reader = new ClassInfoReader(resolver);
    try {
      new ClassReader(classFile)
          .accept(reader, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    } catch (RuntimeException damaged) {
      throw new IllegalArgumentException("not a readable class file: " + damaged, damaged);
    }
    return reader.type;
  }

  @Override
  public void visit(
      int version, int access, String name, String signature, String superName, String[] interfaces) {
    List<String> interfaceNames = new ArrayList<>();
    for (String interfaceName : interfaces == null ? new String[0] : interfaces) {
      interfaceNames.add(binaryName(interfaceName));
    }
    type = new ClassInfo(
        binaryName(name),
        access & ACCESS_FLAGS,
        superName == null ? null : binaryName(superName),
        List.copyOf(interfaceNames),
        resolver);
  }

  @Override
  public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
    type.addAnnotation(Type.getType(descriptor).getClassName());
    return null;
  }

  @Override
  public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
    type.addField(new FieldInfo(name, descriptor, access & ACCESS_FLAGS));
    return null;
  }

  @Override
  public MethodVisitor visitMethod(
      int access, String name, String descriptor, String signature, String[] exceptions) {
    List<String> annotations = type.addMethod(name, descriptor, access & ACCESS_FLAGS);
    return new MethodVisitor(Opcodes.ASM9) {
      @Override
      public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
        annotations.add(Type.getType(annotation).getClassName());
        return null;
      }
    };
  }

  private static String binaryName(String internalName) {
    return internalName.replace('/', '.');
  }
}
