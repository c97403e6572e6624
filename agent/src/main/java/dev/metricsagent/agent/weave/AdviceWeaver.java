package dev.metricsagent.agent.weave;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Inlines advice classes into the methods of one class file with ASM alone, writing what Byte
 * Buddy's {@code Advice} writes for the subset of advice features {@link AdviceClassReader}
 * accepts, without Byte Buddy's type descriptions, type pool or the 750 classes they load. Methods
 * that get no advice are copied as they are.
 *
 * <p>The weaver computes no frames: it translates the method's own and writes its own at each
 * label it adds, so it refuses code that branches without frames (class files before Java 6, and
 * the JDK's own classes as a retransformation gets them) and subroutines ({@code jsr}, which
 * Java 7 class files forbid). Whatever it cannot weave exactly as Byte Buddy would, it refuses
 * before the class is defined: the caller then hands the class to Byte Buddy.
 */
public final class AdviceWeaver {

  /** Java 6: frames may be present from this version on (from Java 7, they must). */
  private static final int FIRST_VERSION_WITH_FRAMES = 50;

  private AdviceWeaver() {}

  /**
   * The class file with {@code adviceByMethod}'s advice (keys: method name followed by its
   * descriptor) inlined, passed through {@code classVisitor} (null for none) on the way, or null
   * when the weaver cannot do it; {@code problems} then gets why.
   *
   * @param hierarchy what the class file alone does not tell of the class
   */
  public static byte[] weave(
      byte[] classFile,
      Map<String, MethodAdvice> adviceByMethod,
      ClassHierarchy hierarchy,
      UnaryOperator<ClassVisitor> classVisitor,
      StringBuilder problems) {
    try {
      ClassReader reader = new ClassReader(classFile);
      ClassWriter writer = new ClassWriter(reader, 0);
      Set<String> woven = new HashSet<>();
      reader.accept(
          new ClassVisitor(Opcodes.ASM9, classVisitor == null ? writer : classVisitor.apply(writer)) {
            private String owner;

            @Override
            public void visit(
                int version, int access, String name, String signature, String superName, String[] interfaces) {
              if ((version & 0xFFFF) < FIRST_VERSION_WITH_FRAMES) {
                throw new Refused("class file version " + (version & 0xFFFF) + " has no frames");
              }
              owner = name;
              super.visit(version, access, name, signature, superName, interfaces);
            }

            @Override
            public MethodVisitor visitMethod(
                int access, String name, String descriptor, String signature, String[] exceptions) {
              MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
              MethodAdvice advice = adviceByMethod.get(name + descriptor);
              if (advice == null) {
                return method;
              }
              woven.add(name + descriptor);
              try {
                MethodVisitor advised =
                    new AdvisedMethod(method, owner, access, name, descriptor, advice, hierarchy);
                return advice.advice.exit == null ? advised : new ReturnStackCheck(advised, name, descriptor);
              } catch (UnsupportedAdviceException e) {
                throw new Refused(e.getMessage());
              }
            }
          },
          ClassReader.EXPAND_FRAMES);
      if (woven.size() != adviceByMethod.size()) {
        problems.append("a method to advise is not declared in the class file");
        return null;
      }
      return writer.toByteArray();
    } catch (RuntimeException e) {
      // Refused, or a class file or an advice ASM cannot read: Byte Buddy's turn.
      problems.append(e.getMessage() != null ? e.getMessage() : e.toString());
      return null;
    }
  }

  /** Carries a refusal out of the visitors, which cannot throw checked exceptions. */
  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message, null, false, false);
    }
  }
}
