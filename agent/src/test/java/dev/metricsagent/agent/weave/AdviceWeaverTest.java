package dev.metricsagent.agent.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metricsagent.bootstrap.AdviceErrors;
import dev.metricsagent.instrumentation.api.WovenBinding;
import dev.metricsagent.agent.weave.WeaveFixtures.Target;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Weaves the fixtures' advice into their targets, defines the result in a class loader of its
 * own (so the JVM verifies it, as it does every application class) and runs it.
 */
class AdviceWeaverTest {

  private static final String TARGET = Target.class.getName();
  /** Target's fields, and its superclass. */
  private static final ClassHierarchy FIELDS =
      new ClassHierarchy() {
        @Override
        public String fieldDescriptor(String name) {
          return name.equals("count") ? "I" : name.equals("label") ? "Ljava/lang/String;" : null;
        }

        @Override
        public boolean isA(String internalName) {
          return internalName.equals("dev/metricsagent/agent/weave/WeaveFixtures$Base");
        }
      };

  @BeforeEach
  void clearEvents() {
    WeaveFixtures.EVENTS.clear();
  }

  @Test
  void enterValueInstanceArgumentsAndReturnValueReachTheExit() throws Exception {
    Object target = wovenInstance(TARGET, Map.of("join(Ljava/lang/String;J[I)Ljava/lang/String;", "TimingAdvice"));

    Object result = call(target, "join", new Class<?>[] {String.class, long.class, int[].class}, "p", 2L, new int[] {1, 2});

    assertEquals("p1212:6.5", result);
    assertEquals(List.of("enter 2", "exit target p 42 p1212:6.5 null"), WeaveFixtures.EVENTS);
  }

  @Test
  void everyReturnGoesThroughTheExit() throws Exception {
    Object target = wovenInstance(TARGET, Map.of("join(Ljava/lang/String;J[I)Ljava/lang/String;", "TimingAdvice"));

    Object result = call(target, "join", new Class<?>[] {String.class, long.class, int[].class}, "p", 1L, new int[] {2000});

    assertEquals("heavy", result);
    assertEquals(List.of("enter 1", "exit target p 41 heavy null"), WeaveFixtures.EVENTS);
  }

  @Test
  void whatTheMethodThrowsReachesTheExitAndThenTheCaller() throws Exception {
    Object target = wovenInstance(TARGET, Map.of("fail(Ljava/lang/String;)I", "ThrownAdvice"));

    InvocationTargetException thrown =
        assertThrows(InvocationTargetException.class, () -> call(target, "fail", new Class<?>[] {String.class}, "x"));

    assertEquals(IllegalStateException.class, thrown.getCause().getClass());
    assertEquals(
        List.of("caught inner x", "exit marked 0 x", "finally"), WeaveFixtures.EVENTS);
  }

  @Test
  void adviceThatThrowsIsRecordedAndTheMethodRunsOn() throws Exception {
    Object target = wovenInstance(TARGET, Map.of("counted(I)J", "FailingAdvice"));
    long errorsBefore = AdviceErrors.count();

    Object result = call(target, "counted", new Class<?>[] {int.class}, 3);

    assertEquals(10L, result);
    assertEquals(errorsBefore + 2, AdviceErrors.count());
  }

  @Test
  void theInstanceBindsToASuperType() throws Exception {
    Object target = wovenInstance(TARGET, Map.of("counted(I)J", "SuperTypeAdvice"));

    call(target, "counted", new Class<?>[] {int.class}, 1);

    assertEquals(List.of("base target"), WeaveFixtures.EVENTS);
  }

  @Test
  void customAnnotationsBindToAConstantABoxedArgumentOrNull() throws Exception {
    String tag = "Ldev/metricsagent/agent/weave/WeaveFixtures$Tag;";
    CustomBinder binder =
        (annotation, value) ->
            !annotation.equals(tag)
                ? null
                : value == 0
                    ? WovenBinding.Bound.constant(42)
                    : value == 1 ? WovenBinding.Bound.argument(0) : WovenBinding.Bound.nullValue();
    StringBuilder problems = new StringBuilder();
    byte[] woven =
        AdviceWeaver.weave(
            classFile(TARGET),
            Map.of("counted(I)J", new MethodAdvice(adviceClass("CustomAdvice", Set.of(tag)), binder)),
            FIELDS,
            null,
            problems);
    assertNotNull(woven, problems.toString());
    Object target = new SingleClassLoader(TARGET, woven).loadClass(TARGET).getConstructor().newInstance();

    call(target, "counted", new Class<?>[] {int.class}, 5);

    assertEquals(List.of("custom 42 5 Integer null"), WeaveFixtures.EVENTS);
  }

  @Test
  void staticMethodsWithWideArgumentsAndTheMethodName() throws Exception {
    Class<?> woven = wovenClass(TARGET, Map.of("utility(JD)V", "StaticAdvice"));

    woven.getMethod("utility", long.class, double.class).invoke(null, 5L, 0.25);

    assertEquals(List.of("enter utility 5 0.25", "utility 5.25"), WeaveFixtures.EVENTS);
  }

  @Test
  void fieldValuesAreReadWhereTheAdviceReadsThem() throws Exception {
    Object target = wovenInstance(TARGET, Map.of("counted(I)J", "FieldAdvice"));

    call(target, "counted", new Class<?>[] {int.class}, 5);

    assertEquals(List.of("fields 12 target"), WeaveFixtures.EVENTS);
  }

  @Test
  void aWritableArgumentReplacesTheCallersValue() throws Exception {
    Object target =
        wovenInstance(TARGET, Map.of("describe(Ljava/lang/String;)Ljava/lang/String;", "ArgumentWritingAdvice"));

    assertEquals("target HELLO", call(target, "describe", new Class<?>[] {String.class}, "hello"));
  }

  @Test
  void constructorsTakeExitAdviceOnceTheInstanceIsInitialised() throws Exception {
    wovenInstance(TARGET, Map.of("<init>()V", "ConstructedAdvice"));

    assertEquals(List.of("constructed target"), WeaveFixtures.EVENTS);
  }

  @Test
  void constructorsTakeEnterAdviceBeforeSuperAndExitAdviceAfter() throws Exception {
    wovenInstance(TARGET, Map.of("<init>()V", "ConstructorAdvice"));

    assertEquals(List.of("before", "after target 7"), WeaveFixtures.EVENTS);
  }

  @Test
  void constructorsRefuseAdviceThatWouldSeeTheUninitialisedInstanceOrWhatTheyThrow() throws Exception {
    StringBuilder problems = new StringBuilder();

    assertNull(AdviceWeaver.weave(classFile(TARGET), Map.of("<init>()V", advice("SuperTypeAdvice")), FIELDS, null, problems));
    assertTrue(problems.toString().contains("THIS"), problems.toString());
    assertNull(AdviceWeaver.weave(classFile(TARGET), Map.of("<init>()V", advice("ThrownAdvice")), FIELDS, null, problems));
    assertTrue(problems.toString().contains("onThrowable"), problems.toString());
  }

  @Test
  void aBindingThatNeedsTheTypeHierarchyIsRefused() throws Exception {
    StringBuilder problems = new StringBuilder();

    byte[] woven =
        AdviceWeaver.weave(
            classFile(TARGET),
            Map.of("describe(Ljava/lang/String;)Ljava/lang/String;", advice("NarrowingAdvice")),
            FIELDS,
            null,
            problems);

    assertNull(woven);
    assertTrue(problems.toString().contains("RETURN"), problems.toString());
  }

  @Test
  void adviceWithFeaturesTheWeaverLacksIsRefused() throws Exception {
    StringBuilder problems = new StringBuilder();

    assertNull(AdviceClass.read(classFile(WeaveFixtures.class.getName() + "$UnannotatedAdvice"), Set.of(), problems));
    assertTrue(problems.toString().contains("no advice annotation"), problems.toString());
  }

  @Test
  void java6ClassFilesWithFramesAreWoven() throws Exception {
    byte[] java6 = classFile(TARGET);
    java6[6] = 0;
    java6[7] = 50;
    StringBuilder problems = new StringBuilder();
    byte[] woven =
        AdviceWeaver.weave(
            java6, Map.of("join(Ljava/lang/String;J[I)Ljava/lang/String;", advice("TimingAdvice")), FIELDS, null, problems);
    assertNotNull(woven, problems.toString());
    Object target = new SingleClassLoader(TARGET, woven).loadClass(TARGET).getConstructor().newInstance();

    call(target, "join", new Class<?>[] {String.class, long.class, int[].class}, "p", 1L, new int[] {3});

    assertEquals(List.of("enter 1", "exit target p 41 p3:3.5 null"), WeaveFixtures.EVENTS);
  }

  @Test
  void classFilesBeforeJava6AreRefused() throws Exception {
    byte[] java5 = classFile(TARGET);
    java5[6] = 0;
    java5[7] = 49;
    StringBuilder problems = new StringBuilder();

    assertNull(AdviceWeaver.weave(java5, Map.of("counted(I)J", advice("FieldAdvice")), FIELDS, null, problems));
    assertTrue(problems.toString().contains("version 49"), problems.toString());
  }

  @Test
  void aMethodTheClassDoesNotDeclareIsRefused() throws Exception {
    StringBuilder problems = new StringBuilder();

    assertNull(AdviceWeaver.weave(classFile(TARGET), Map.of("absent()V", advice("FieldAdvice")), FIELDS, null, problems));
  }

  @Test
  void aReturnThatLeavesMoreOnTheStackIsRefused() throws Exception {
    byte[] handmade =
        handmade(
            method -> {
              method.visitInsn(Opcodes.ICONST_1);
              method.visitInsn(Opcodes.ICONST_2);
              method.visitInsn(Opcodes.IRETURN); // legal: the JVM discards what is left
            });
    StringBuilder problems = new StringBuilder();

    assertNull(AdviceWeaver.weave(handmade, Map.of("two()I", advice("ThrownAdvice")), FIELDS, null, problems));
    assertTrue(problems.toString().contains("a return with 2 stack slots"), problems.toString());
  }

  @Test
  void codeThatBranchesWithoutFramesIsRefused() throws Exception {
    // What a retransformation gets for the JDK's own classes: their frames left out.
    byte[] handmade =
        handmade(
            method -> {
              Label zero = new Label();
              method.visitInsn(Opcodes.ICONST_1);
              method.visitJumpInsn(Opcodes.IFEQ, zero);
              method.visitInsn(Opcodes.ICONST_2);
              method.visitInsn(Opcodes.IRETURN);
              method.visitLabel(zero);
              method.visitInsn(Opcodes.ICONST_0);
              method.visitInsn(Opcodes.IRETURN);
            });
    StringBuilder problems = new StringBuilder();

    assertNull(AdviceWeaver.weave(handmade, Map.of("two()I", advice("EnterOnlyAdvice")), FIELDS, null, problems));
    assertTrue(problems.toString().contains("branches without frames"), problems.toString());
  }

  /** A class {@code Handmade} whose static method {@code two()I} has the given code and no frames. */
  private static byte[] handmade(Consumer<MethodVisitor> code) {
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    writer.visit(Opcodes.V11, Opcodes.ACC_PUBLIC, "Handmade", null, "java/lang/Object", null);
    MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "two", "()I", null, null);
    method.visitCode();
    code.accept(method);
    method.visitMaxs(0, 0);
    method.visitEnd();
    writer.visitEnd();
    return writer.toByteArray();
  }

  private static Object call(Object target, String name, Class<?>[] types, Object... arguments) throws Exception {
    Method method = target.getClass().getMethod(name, types);
    return method.invoke(target, arguments);
  }

  private static Object wovenInstance(String className, Map<String, String> adviceByMethod) throws Exception {
    return wovenClass(className, adviceByMethod).getConstructor().newInstance();
  }

  private static Class<?> wovenClass(String className, Map<String, String> adviceByMethod) throws Exception {
    Map<String, MethodAdvice> advice = new HashMap<>();
    for (Map.Entry<String, String> entry : adviceByMethod.entrySet()) {
      advice.put(entry.getKey(), advice(entry.getValue()));
    }
    StringBuilder problems = new StringBuilder();
    byte[] woven = AdviceWeaver.weave(classFile(className), advice, FIELDS, null, problems);
    assertNotNull(woven, problems.toString());
    return new SingleClassLoader(className, woven).loadClass(className);
  }

  private static MethodAdvice advice(String simpleName) throws IOException {
    return new MethodAdvice(adviceClass(simpleName, Set.of()), null);
  }

  private static AdviceClass adviceClass(String simpleName, Set<String> customAnnotations) throws IOException {
    StringBuilder problems = new StringBuilder();
    AdviceClass advice =
        AdviceClass.read(classFile(WeaveFixtures.class.getName() + "$" + simpleName), customAnnotations, problems);
    assertNotNull(advice, problems.toString());
    return advice;
  }

  static byte[] classFile(String className) throws IOException {
    try (InputStream in =
        AdviceWeaverTest.class.getClassLoader().getResourceAsStream(className.replace('.', '/') + ".class")) {
      return in.readAllBytes();
    }
  }

  /** Defines one class from the given bytes and leaves every other to the test's loader. */
  private static final class SingleClassLoader extends ClassLoader {
    private final String name;
    private final byte[] classFile;

    SingleClassLoader(String name, byte[] classFile) {
      super(AdviceWeaverTest.class.getClassLoader());
      this.name = name;
      this.classFile = classFile;
    }

    @Override
    protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
      if (!className.equals(name)) {
        return super.loadClass(className, resolve);
      }
      synchronized (getClassLoadingLock(className)) {
        Class<?> loaded = findLoadedClass(className);
        return loaded != null ? loaded : defineClass(className, classFile, 0, classFile.length);
      }
    }
  }
}
