package dev.metricsagent.agent.weave;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Reads an advice class file into an {@link AdviceClass}, or refuses it with
 * {@link UnsupportedAdviceException} when it uses any of Byte Buddy's advice features that {@link
 * AdviceWeaver} does not implement (the class then goes to Byte Buddy). What it accepts: static
 * methods whose every parameter carries one of the annotations of {@link AdviceParameter.Kind},
 * {@code suppress} and {@code onThrowable} of {@code Throwable}, and nothing else.
 */
final class AdviceClassReader {

  private static final String ADVICE = "Lnet/bytebuddy/asm/Advice$";
  private static final String ENTER = ADVICE + "OnMethodEnter;";
  private static final String EXIT = ADVICE + "OnMethodExit;";
  private static final Type THROWABLE = Type.getType(Throwable.class);

  private AdviceClassReader() {}

  /**
   * @param customAnnotations descriptors of the instrumentation's own parameter annotations, which
   *     a {@link CustomBinder} binds per method
   */
  static AdviceClass read(byte[] classFile, Set<String> customAnnotations) throws UnsupportedAdviceException {
    List<MethodReader> methods = new ArrayList<>();
    new ClassReader(classFile)
        .accept(
            new ClassVisitor(Opcodes.ASM9) {
              @Override
              public MethodVisitor visitMethod(
                  int access, String name, String descriptor, String signature, String[] exceptions) {
                MethodReader method = new MethodReader(access, name, descriptor, customAnnotations);
                methods.add(method);
                return method;
              }
            },
            ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    AdviceMethod enter = null;
    AdviceMethod exit = null;
    for (MethodReader method : methods) {
      if (method.problem != null) {
        throw new UnsupportedAdviceException(method.name + ": " + method.problem);
      }
      if (method.kind == ENTER) {
        if (enter != null) {
          throw new UnsupportedAdviceException("two enter methods");
        }
        enter = method.toAdviceMethod();
      } else if (method.kind == EXIT) {
        if (exit != null) {
          throw new UnsupportedAdviceException("two exit methods");
        }
        exit = method.toAdviceMethod();
      }
    }
    if (enter == null && exit == null) {
      throw new UnsupportedAdviceException("no advice method");
    }
    return new AdviceClass(classFile, enter, exit);
  }

  /** Collects one method's annotations, and fails it at the first thing it does not know. */
  private static final class MethodReader extends MethodVisitor {
    private final int access;
    private final String name;
    private final String descriptor;
    private final Type[] parameterTypes;
    private final AdviceParameter[] parameters;
    private final Set<String> customAnnotations;
    private String kind;
    private boolean suppress;
    private boolean onThrowable;
    private int maxStack;
    private int maxLocals;
    private String problem;

    MethodReader(int access, String name, String descriptor, Set<String> customAnnotations) {
      super(Opcodes.ASM9);
      this.customAnnotations = customAnnotations;
      this.access = access;
      this.name = name;
      this.descriptor = descriptor;
      this.parameterTypes = Type.getArgumentTypes(descriptor);
      this.parameters = new AdviceParameter[parameterTypes.length];
    }

    @Override
    public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
      if (!annotation.equals(ENTER) && !annotation.equals(EXIT)) {
        return null;
      }
      kind = annotation.equals(ENTER) ? ENTER : EXIT;
      if ((access & Opcodes.ACC_STATIC) == 0) {
        fail("advice methods are static");
      }
      return new Attributes() {
        @Override
        public void visit(String attribute, Object value) {
          if (attribute.equals("suppress") && THROWABLE.equals(value)) {
            suppress = true;
          } else if (attribute.equals("onThrowable") && kind == EXIT && THROWABLE.equals(value)) {
            onThrowable = true;
          } else {
            super.visit(attribute, value);
          }
        }
      };
    }

    @Override
    public AnnotationVisitor visitParameterAnnotation(
        int parameter, String annotation, boolean visible) {
      if (customAnnotations.contains(annotation)) {
        return customParameter(parameter, annotation);
      }
      if (!annotation.startsWith(ADVICE)) {
        fail("parameter " + parameter + " has " + annotation);
        return null;
      }
      String simpleName = annotation.substring(ADVICE.length(), annotation.length() - 1);
      Type type = parameterTypes[parameter];
      return new Attributes() {
        private int index = -1;
        private String value;
        private boolean readOnly = true;

        @Override
        public void visit(String attribute, Object attributeValue) {
          if (attribute.equals("value") && attributeValue instanceof Integer) {
            index = (Integer) attributeValue;
          } else if (attribute.equals("value") && attributeValue instanceof String) {
            value = (String) attributeValue;
          } else if (attribute.equals("readOnly") && attributeValue instanceof Boolean) {
            readOnly = (Boolean) attributeValue;
          } else {
            super.visit(attribute, attributeValue);
          }
        }

        @Override
        public void visitEnd() {
          AdviceParameter.Kind parameterKind = kindOf(simpleName, index, value);
          if (parameterKind == null) {
            fail("parameter " + parameter + ": @" + simpleName + " as used here");
          } else if (!readOnly
              && parameterKind != AdviceParameter.Kind.ARGUMENT
              && parameterKind != AdviceParameter.Kind.LOCAL) {
            fail("parameter " + parameter + ": writable @" + simpleName);
          } else {
            parameters[parameter] =
                new AdviceParameter(
                    parameterKind,
                    type,
                    index,
                    value,
                    readOnly && parameterKind != AdviceParameter.Kind.LOCAL);
          }
        }
      };
    }

    private AnnotationVisitor customParameter(int parameter, String annotation) {
      return new Attributes() {
        private int value = -1;

        @Override
        public void visit(String attribute, Object attributeValue) {
          if (attribute.equals("value") && attributeValue instanceof Integer) {
            value = (Integer) attributeValue;
          } else {
            super.visit(attribute, attributeValue);
          }
        }

        @Override
        public void visitEnd() {
          parameters[parameter] =
              new AdviceParameter(AdviceParameter.Kind.CUSTOM, parameterTypes[parameter], value, annotation, true);
        }
      };
    }

    private static AdviceParameter.Kind kindOf(String annotation, int index, String value) {
      switch (annotation) {
        case "This":
          return index < 0 && value == null ? AdviceParameter.Kind.THIS : null;
        case "Argument":
          return index >= 0 ? AdviceParameter.Kind.ARGUMENT : null;
        case "Return":
          return index < 0 && value == null ? AdviceParameter.Kind.RETURN : null;
        case "Thrown":
          return index < 0 && value == null ? AdviceParameter.Kind.THROWN : null;
        case "Enter":
          return index < 0 && value == null ? AdviceParameter.Kind.ENTER : null;
        case "Local":
          return value != null ? AdviceParameter.Kind.LOCAL : null;
        case "FieldValue":
          return value != null ? AdviceParameter.Kind.FIELD_VALUE : null;
        case "Origin":
          return "#m".equals(value) ? AdviceParameter.Kind.METHOD_NAME : null;
        default:
          return null;
      }
    }

    @Override
    public void visitInvokeDynamicInsn(
        String name, String descriptor, Handle bootstrap, Object... arguments) {
      // A call site bound to the advice class would be bound to the class it goes into instead.
      fail("invokedynamic");
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
      this.maxStack = maxStack;
      this.maxLocals = maxLocals;
    }

    private void fail(String why) {
      if (problem == null) {
        problem = why;
      }
    }

    AdviceMethod toAdviceMethod() throws UnsupportedAdviceException {
      List<AdviceParameter> bound = new ArrayList<>(parameters.length);
      for (int i = 0; i < parameters.length; i++) {
        if (parameters[i] == null) {
          throw new UnsupportedAdviceException(name + ": parameter " + i + " has no advice annotation");
        }
        bound.add(parameters[i]);
      }
      if (kind == EXIT && !Type.VOID_TYPE.equals(Type.getReturnType(descriptor))) {
        throw new UnsupportedAdviceException(name + ": exit advice that returns a value");
      }
      return new AdviceMethod(name, descriptor, bound, suppress, onThrowable, maxStack, maxLocals);
    }

    /** An annotation's attributes: any this reader does not take fails the method. */
    private class Attributes extends AnnotationVisitor {
      Attributes() {
        super(Opcodes.ASM9);
      }

      @Override
      public void visit(String attribute, Object value) {
        fail("attribute " + attribute + " = " + value);
      }

      @Override
      public void visitEnum(String attribute, String descriptor, String value) {
        fail("attribute " + attribute + " = " + value);
      }

      @Override
      public AnnotationVisitor visitAnnotation(String attribute, String descriptor) {
        fail("attribute " + attribute);
        return null;
      }

      @Override
      public AnnotationVisitor visitArray(String attribute) {
        fail("attribute " + attribute);
        return null;
      }
    }
  }
}
