package dev.metricsagent.agent.weave;

import dev.metricsagent.instrumentation.api.WovenBinding;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.jar.asm.TypePath;

/**
 * One method with one advice class inlined, as Byte Buddy's {@code Advice} would write it.
 *
 * <p>Slots: the method's parameters keep theirs; right after them come the advice's variables
 * that live through the whole method (the enter advice's value, the {@code @Advice.Local}s, the
 * return value and what was thrown), each set to its default value first, so that every frame
 * can name their types; then a region where each inlined advice method keeps its own variables;
 * then the method's own variables, moved up by as many slots.
 *
 * <p>Code: the enter advice at the start; every {@code return} stores its value and jumps to the
 * exit advice, and, with {@code onThrowable}, a handler around the whole original code stores
 * what was thrown and jumps there too; after the exit advice the method returns the value or
 * throws again. Suppressing advice gets a handler of its own, which hands what it caught to
 * {@code AdviceErrors.record}; it is registered after the advice's own handlers, which therefore
 * take precedence.
 */
final class AdvisedMethod extends MethodVisitor {

  private static final String THROWABLE = "java/lang/Throwable";
  private static final String ADVICE_ERRORS = "dev/metricsagent/bootstrap/AdviceErrors";

  private final String owner;
  private final String name;
  private final Type returnType;
  private final AdviceClass advice;
  private final CustomBinder custom;
  private final Map<AdviceParameter, WovenBinding.Bound> customValues = new IdentityHashMap<>();
  private final ClassHierarchy hierarchy;
  private final int[] argumentSlots;
  private final Type[] argumentTypes;
  private final int parameterSlots;
  /** The frame entries of the parameters, then of the extras. */
  private final List<Object> baseLocals = new ArrayList<>();
  private final int parameterEntries;
  private final List<Type> extraTypes = new ArrayList<>();
  private final Map<String, Integer> localSlots = new LinkedHashMap<>();
  private int enterSlot = -1;
  private int returnSlot = -1;
  private int thrownSlot = -1;
  private final int regionBase;
  /** How far the method's own variables move up. */
  private final int shift;
  private final boolean isConstructor;
  /** Whether the method's code branches, and whether it came with frames for that. */
  private boolean branches;
  private boolean hasFrames;
  private final Label originalStart = new Label();
  private final Label exit = new Label();

  /**
   * Checks every binding against the method before anything is written, so that what cannot be
   * woven is refused while the class can still go to Byte Buddy instead.
   */
  AdvisedMethod(
      MethodVisitor target,
      String owner,
      int access,
      String name,
      String descriptor,
      MethodAdvice methodAdvice,
      ClassHierarchy hierarchy)
      throws UnsupportedAdviceException {
    super(Opcodes.ASM9, target);
    this.owner = owner;
    this.name = name;
    this.returnType = Type.getReturnType(descriptor);
    this.advice = methodAdvice.advice;
    this.custom = methodAdvice.custom;
    this.hierarchy = hierarchy;
    boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
    this.isConstructor = name.equals("<init>");
    if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0 || name.equals("<clinit>")) {
      throw new UnsupportedAdviceException(name + ": no code, or a type initializer");
    }
    // A constructor's instance is uninitialised until it calls super(), where the enter advice
    // runs, and a handler around the whole constructor could not return it: exit advice never
    // sees what the constructor throws.
    if (isConstructor && advice.exit != null && advice.exit.onThrowable) {
      throw new UnsupportedAdviceException(name + ": a constructor with onThrowable advice");
    }
    argumentTypes = Type.getArgumentTypes(descriptor);
    argumentSlots = new int[argumentTypes.length];
    int slot = isStatic ? 0 : 1;
    if (!isStatic) {
      baseLocals.add(owner);
    }
    for (int i = 0; i < argumentTypes.length; i++) {
      argumentSlots[i] = slot;
      slot += argumentTypes[i].getSize();
      baseLocals.add(FrameTypes.of(argumentTypes[i]));
    }
    parameterSlots = slot;
    parameterEntries = baseLocals.size();
    AdviceMethod enter = advice.enter;
    AdviceMethod exit = advice.exit;
    if (enter != null && enter.returnType().getSort() != Type.VOID) {
      enterSlot = slot;
      slot = addExtra(slot, enter.returnType());
    }
    Map<String, Type> localTypes = new LinkedHashMap<>();
    if (enter != null) {
      check(enter, false, isStatic, localTypes);
    }
    if (exit != null) {
      check(exit, true, isStatic, localTypes);
    }
    for (Map.Entry<String, Type> local : localTypes.entrySet()) {
      localSlots.put(local.getKey(), slot);
      slot = addExtra(slot, local.getValue());
    }
    if (exit != null && returnType.getSort() != Type.VOID) {
      returnSlot = slot;
      slot = addExtra(slot, returnType);
    }
    if (exit != null && exit.onThrowable) {
      thrownSlot = slot;
      slot = addExtra(slot, Type.getObjectType(THROWABLE));
    }
    regionBase = slot;
    int region = 0;
    for (AdviceMethod method : new AdviceMethod[] {enter, exit}) {
      if (method != null) {
        region = Math.max(region, method.maxLocals - method.parameterSlots());
      }
    }
    shift = regionBase + region - parameterSlots;
  }

  private int addExtra(int slot, Type type) {
    baseLocals.add(FrameTypes.of(type));
    extraTypes.add(type);
    return slot + type.getSize();
  }

  private void check(AdviceMethod method, boolean isExit, boolean isStatic, Map<String, Type> locals)
      throws UnsupportedAdviceException {
    for (AdviceParameter parameter : method.parameters) {
      Type type = parameter.type;
      switch (parameter.kind) {
        case THIS:
          require(
              !isStatic
                  && !(isConstructor && !isExit)
                  && (receives(type, Type.getObjectType(owner)) || hierarchy.isA(type.getInternalName())),
              parameter,
              method);
          break;
        case ARGUMENT:
          require(parameter.index < argumentTypes.length, parameter, method);
          Type argument = argumentTypes[parameter.index];
          require(parameter.readOnly ? receives(type, argument) : type.equals(argument), parameter, method);
          break;
        case RETURN:
          require(isExit && returnType.getSort() != Type.VOID && receives(type, returnType), parameter, method);
          break;
        case THROWN:
          require(isExit && method.onThrowable && type.getInternalName().equals(THROWABLE), parameter, method);
          break;
        case ENTER:
          require(isExit && enterSlot >= 0 && receives(type, advice.enter.returnType()), parameter, method);
          break;
        case LOCAL:
          Type known = locals.putIfAbsent(parameter.name, type);
          require(known == null || known.equals(type), parameter, method);
          break;
        case FIELD_VALUE:
          String field = hierarchy.fieldDescriptor(parameter.name);
          require(
              !isStatic && !(isConstructor && !isExit) && field != null && receives(type, Type.getType(field)),
              parameter,
              method);
          break;
        case METHOD_NAME:
          require(type.getDescriptor().equals("Ljava/lang/String;"), parameter, method);
          break;
        case CUSTOM:
          WovenBinding.Bound bound = custom == null ? null : custom.bind(parameter.name, parameter.index);
          require(bound != null && fits(type, bound), parameter, method);
          customValues.put(parameter, bound);
          break;
        default:
          throw new UnsupportedAdviceException(parameter.kind.name());
      }
    }
  }

  /**
   * Whether an advice parameter of type {@code parameter} can hold a value of type {@code value}
   * without a check: the same type, or Object for any reference. Anything wider would need the
   * type hierarchy, which Byte Buddy resolves and this weaver does not.
   */
  private static boolean receives(Type parameter, Type value) {
    if (parameter.equals(value)) {
      return true;
    }
    boolean isReference = value.getSort() == Type.OBJECT || value.getSort() == Type.ARRAY;
    return isReference && parameter.getDescriptor().equals("Ljava/lang/Object;");
  }

  /** A constant into an int, an argument into Object (boxed when primitive) or its own type, null into a reference. */
  private boolean fits(Type parameter, WovenBinding.Bound bound) {
    switch (bound.kind) {
      case WovenBinding.Bound.CONSTANT:
        return parameter.equals(Type.INT_TYPE);
      case WovenBinding.Bound.ARGUMENT:
        return bound.value >= 0
            && bound.value < argumentTypes.length
            && (parameter.getDescriptor().equals("Ljava/lang/Object;")
                || parameter.equals(argumentTypes[bound.value]));
      default:
        return parameter.getSort() == Type.OBJECT || parameter.getSort() == Type.ARRAY;
    }
  }

  private static void require(boolean holds, AdviceParameter parameter, AdviceMethod method)
      throws UnsupportedAdviceException {
    if (!holds) {
      throw new UnsupportedAdviceException(
          method.name + ": @" + parameter.kind + " " + parameter.type + " does not fit this method");
    }
  }

  // What the inliner asks of the layout.

  String owner() {
    return owner;
  }

  String name() {
    return name;
  }

  String fieldDescriptor(String field) {
    return hierarchy.fieldDescriptor(field);
  }

  int enterSlot() {
    return enterSlot;
  }

  int regionSlot(int ownSlot) {
    return regionBase + ownSlot;
  }

  WovenBinding.Bound customValue(AdviceParameter parameter) {
    return customValues.get(parameter);
  }

  Type argumentType(int index) {
    return argumentTypes[index];
  }

  int argumentSlot(int index) {
    return argumentSlots[index];
  }

  int slotOf(AdviceParameter parameter) {
    switch (parameter.kind) {
      case ARGUMENT:
        return argumentSlots[parameter.index];
      case ENTER:
        return enterSlot;
      case RETURN:
        return returnSlot;
      case THROWN:
        return thrownSlot;
      case LOCAL:
        return localSlots.get(parameter.name);
      default:
        throw new IllegalStateException(parameter.kind + " has no slot");
    }
  }

  /**
   * The locals every frame of inlined advice starts with: parameters, then the advice's own. A
   * constructor's enter advice runs before super(), on an uninitialised instance.
   */
  Object[] baseFrame(boolean isEnter) {
    Object[] base = baseLocals.toArray();
    if (isConstructor && isEnter) {
      base[0] = Opcodes.UNINITIALIZED_THIS;
    }
    return base;
  }

  // The method's own code, around which the advice goes.

  @Override
  public void visitCode() {
    super.visitCode();
    int slot = parameterSlots;
    for (Type type : extraTypes) {
      super.visitInsn(FrameTypes.defaultValueOpcode(type));
      super.visitVarInsn(type.getOpcode(Opcodes.ISTORE), slot);
      slot += type.getSize();
    }
    if (advice.enter != null) {
      inline(advice.enter, true);
      // The method's first instruction may carry a frame; two frames cannot share an offset.
      super.visitInsn(Opcodes.NOP);
    }
    super.visitLabel(originalStart);
  }

  @Override
  public void visitFrame(int type, int localCount, Object[] locals, int stackCount, Object[] stack) {
    if (type != Opcodes.F_NEW) {
      throw new IllegalStateException("frames must be expanded");
    }
    hasFrames = true;
    // The exit advice's frame names the parameters as declared: every frame of the method's
    // own must too (javac's do), or a jump to the exit would not verify.
    if (localCount < parameterEntries) {
      throw new IllegalStateException("a frame without the method's parameters");
    }
    List<Object> translated = new ArrayList<>(localCount + baseLocals.size());
    for (int i = 0; i < parameterEntries; i++) {
      boolean uninitialisedThis = i == 0 && isConstructor && locals[0] == Opcodes.UNINITIALIZED_THIS;
      if (!locals[i].equals(baseLocals.get(i)) && !uninitialisedThis) {
        throw new IllegalStateException("a frame that retypes parameter " + i);
      }
      translated.add(locals[i]);
    }
    translated.addAll(baseLocals.subList(parameterEntries, baseLocals.size()));
    int i = parameterEntries;
    if (i < localCount) {
      for (int s = regionBase; s < parameterSlots + shift; s++) {
        translated.add(Opcodes.TOP);
      }
      for (; i < localCount; i++) {
        translated.add(locals[i]);
      }
    }
    super.visitFrame(Opcodes.F_NEW, translated.size(), translated.toArray(), stackCount, stack);
  }

  @Override
  public void visitVarInsn(int opcode, int slot) {
    super.visitVarInsn(opcode, moved(slot));
  }

  @Override
  public void visitIincInsn(int slot, int increment) {
    super.visitIincInsn(moved(slot), increment);
  }

  @Override
  public void visitLocalVariable(
      String name, String descriptor, String signature, Label start, Label end, int index) {
    super.visitLocalVariable(name, descriptor, signature, start, end, moved(index));
  }

  @Override
  public AnnotationVisitor visitLocalVariableAnnotation(
      int typeRef,
      TypePath typePath,
      Label[] start,
      Label[] end,
      int[] index,
      String descriptor,
      boolean visible) {
    int[] movedIndex = new int[index.length];
    for (int i = 0; i < index.length; i++) {
      movedIndex[i] = moved(index[i]);
    }
    return super.visitLocalVariableAnnotation(typeRef, typePath, start, end, movedIndex, descriptor, visible);
  }

  private int moved(int slot) {
    return slot < parameterSlots ? slot : slot + shift;
  }

  @Override
  public void visitInsn(int opcode) {
    if (advice.exit != null && opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
      if (opcode != Opcodes.RETURN) {
        super.visitVarInsn(returnType.getOpcode(Opcodes.ISTORE), returnSlot);
      }
      super.visitJumpInsn(Opcodes.GOTO, exit);
      return;
    }
    super.visitInsn(opcode);
  }

  @Override
  public void visitJumpInsn(int opcode, Label label) {
    if (opcode == Opcodes.JSR) {
      throw new IllegalStateException(name + ": a subroutine (jsr), which frames cannot describe");
    }
    branches = true;
    super.visitJumpInsn(opcode, label);
  }

  @Override
  public void visitTableSwitchInsn(int min, int max, Label defaultLabel, Label... labels) {
    branches = true;
    super.visitTableSwitchInsn(min, max, defaultLabel, labels);
  }

  @Override
  public void visitLookupSwitchInsn(Label defaultLabel, int[] keys, Label[] labels) {
    branches = true;
    super.visitLookupSwitchInsn(defaultLabel, keys, labels);
  }

  @Override
  public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
    branches = true;
    super.visitTryCatchBlock(start, end, handler, type);
  }

  @Override
  public void visitMaxs(int maxStack, int maxLocals) {
    // The JVM hands a retransformation the JDK's own classes without their frames, which it does
    // not verify; the advice's frames alone would be a partial table.
    if (branches && !hasFrames) {
      throw new IllegalStateException(name + ": branches without frames");
    }
    int adviceStack = 0;
    if (advice.enter != null) {
      adviceStack = advice.enter.maxStack;
    }
    if (advice.exit != null) {
      adviceStack = Math.max(adviceStack, advice.exit.maxStack);
      writeExit();
    }
    // Two for a long or double default, and for the value the exit returns.
    super.visitMaxs(Math.max(maxStack, Math.max(adviceStack, 2)), maxLocals + shift);
  }

  private void writeExit() {
    Object[] base = baseFrame(false);
    if (thrownSlot >= 0) {
      Label originalEnd = new Label();
      super.visitLabel(originalEnd);
      Label handler = originalEnd;
      super.visitFrame(Opcodes.F_NEW, base.length, base, 1, new Object[] {THROWABLE});
      super.visitVarInsn(Opcodes.ASTORE, thrownSlot);
      // Registered last: every handler of the method's own comes first.
      super.visitTryCatchBlock(originalStart, originalEnd, handler, THROWABLE);
    }
    super.visitLabel(exit);
    super.visitFrame(Opcodes.F_NEW, base.length, base, 0, new Object[0]);
    inline(advice.exit, false);
    if (thrownSlot >= 0) {
      Label returns = new Label();
      super.visitVarInsn(Opcodes.ALOAD, thrownSlot);
      super.visitJumpInsn(Opcodes.IFNULL, returns);
      super.visitVarInsn(Opcodes.ALOAD, thrownSlot);
      super.visitInsn(Opcodes.ATHROW);
      super.visitLabel(returns);
      super.visitFrame(Opcodes.F_NEW, base.length, base, 0, new Object[0]);
    }
    if (returnSlot >= 0) {
      super.visitVarInsn(returnType.getOpcode(Opcodes.ILOAD), returnSlot);
    }
    super.visitInsn(returnType.getOpcode(Opcodes.IRETURN));
  }

  /**
   * Copies the advice method's code here, read anew from the advice class file so that its labels
   * are this method's alone. Ends at a label every {@code return} of the advice jumps to, with the
   * base frame.
   */
  private void inline(AdviceMethod method, boolean isEnter) {
    Object[] base = baseFrame(isEnter);
    Label start = new Label();
    Label handler = new Label();
    Label end = new Label();
    MethodVisitor target = mv;
    super.visitLabel(start);
    new ClassReader(advice.classFile)
        .accept(
            new ClassVisitor(Opcodes.ASM9) {
              @Override
              public MethodVisitor visitMethod(
                  int access, String name, String descriptor, String signature, String[] exceptions) {
                return name.equals(method.name) && descriptor.equals(method.descriptor)
                    ? new AdviceInliner(target, AdvisedMethod.this, method, isEnter, end)
                    : null;
              }
            },
            ClassReader.EXPAND_FRAMES | ClassReader.SKIP_DEBUG);
    if (method.suppress) {
      super.visitLabel(handler);
      super.visitFrame(Opcodes.F_NEW, base.length, base, 1, new Object[] {THROWABLE});
      super.visitMethodInsn(
          Opcodes.INVOKESTATIC, ADVICE_ERRORS, "record", "(Ljava/lang/Throwable;)V", false);
      super.visitTryCatchBlock(start, handler, handler, THROWABLE);
    }
    super.visitLabel(end);
    super.visitFrame(Opcodes.F_NEW, base.length, base, 0, new Object[0]);
  }
}
