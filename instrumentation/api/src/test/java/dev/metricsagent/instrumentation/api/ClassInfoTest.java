package dev.metricsagent.instrumentation.api;

import static dev.metricsagent.instrumentation.api.Matchers.declaresMethod;
import static dev.metricsagent.instrumentation.api.Matchers.hasSuperType;
import static dev.metricsagent.instrumentation.api.Matchers.isConstructor;
import static dev.metricsagent.instrumentation.api.Matchers.isDeclaredBy;
import static dev.metricsagent.instrumentation.api.Matchers.isPublic;
import static dev.metricsagent.instrumentation.api.Matchers.isStatic;
import static dev.metricsagent.instrumentation.api.Matchers.named;
import static dev.metricsagent.instrumentation.api.Matchers.namedOneOf;
import static dev.metricsagent.instrumentation.api.Matchers.not;
import static dev.metricsagent.instrumentation.api.Matchers.returns;
import static dev.metricsagent.instrumentation.api.Matchers.takesArgument;
import static dev.metricsagent.instrumentation.api.Matchers.takesArguments;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metricsagent.instrumentation.api.sample.Described;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The agent's class descriptions, read from class files, and the matchers that ask them. */
class ClassInfoTest {

  private static final String SAMPLE = "dev.metricsagent.instrumentation.api.sample.";

  private final ClassLoaderTypes types = new ClassLoaderTypes(getClass().getClassLoader());
  private final ClassInfo described = types.resolve(SAMPLE + "Described");

  @Test
  void readsTheDeclarationsOfTheClassFile() {
    assertEquals(SAMPLE + "Described", described.name());
    assertEquals("dev/metricsagent/instrumentation/api/sample/Described", described.internalName());
    assertEquals("dev.metricsagent.instrumentation.api.sample", described.packageName());
    assertEquals(SAMPLE + "Base", described.superClassName());
    assertEquals(List.of("java.io.Serializable", "java.lang.Comparable"), described.interfaceNames());
    // CLASS retention: in the class file, not visible to reflection.
    assertEquals(List.of(SAMPLE + "Described$Marked"), described.annotationNames());
    assertFalse(described.isInterface());
    assertFalse(described.isSynthetic());
    assertTrue(types.resolve(SAMPLE + "Described$Marked").isAnnotation());
  }

  @Test
  void readsMethodsWithTheirTypesAsClassGetTypeNameWritesThem() {
    MethodInfo lookUp = method("lookUp");
    assertEquals(List.of("int", "java.util.Map$Entry", "byte[][]"), lookUp.parameterTypeNames());
    assertEquals("java.lang.String[]", lookUp.returnTypeName());
    assertEquals(3, lookUp.parameterCount());
    assertEquals(List.of(SAMPLE + "Described$Marked"), lookUp.annotationNames());
    assertSame(described, lookUp.declaringType());
    assertSame(lookUp, described.method("lookUp", lookUp.descriptor()));

    MethodInfo constructor = method("<init>");
    assertTrue(constructor.isConstructor());
    assertEquals("void", constructor.returnTypeName());
    assertTrue(method("helper").isStatic());
    assertFalse(described.methods().stream().anyMatch(MethodInfo::isTypeInitializer)); // a constant
    List<MethodInfo> compareTo =
        described.methods().stream().filter(m -> m.name().equals("compareTo")).collect(Collectors.toList());
    assertEquals(2, compareTo.size());
    assertEquals(1, compareTo.stream().filter(m -> m.isBridge() && m.isSynthetic()).count());
  }

  @Test
  void readsSuperTypesThroughTheLoader() {
    ClassInfo base = described.superClass();
    assertEquals(SAMPLE + "Base", base.name());
    assertTrue(Matchers.isAbstract().matches(base));
    assertEquals("java.lang.Object", base.superClass().name());
    assertNull(base.superClass().superClass());
    assertEquals(
        List.of("java.io.Serializable", "java.lang.Comparable"),
        described.interfaces().stream().map(ClassInfo::name).collect(Collectors.toList()));
    assertTrue(described.isSubtypeOf("java.lang.AutoCloseable")); // through Base
    assertTrue(described.isSubtypeOf(SAMPLE + "Described"));
    assertFalse(described.isSubtypeOf("java.io.Closeable"));
    assertSame(base, types.resolve(SAMPLE + "Base"), "read once per loader");
  }

  @Test
  void aSuperTypeThatCannotBeReadMatchesNothingAndThrowsNothing() {
    ClassInfo orphan = ClassInfo.read(classFile(Described.class), name -> null);
    assertNull(orphan.superClass());
    assertEquals(List.of(), orphan.interfaces());
    assertFalse(orphan.isSubtypeOf("java.io.Serializable"));
    assertTrue(orphan.isSubtypeOf(SAMPLE + "Described"));
    assertNull(types.resolve("com.example.Missing"));
  }

  @Test
  void aDamagedClassFileIsACleanError() {
    assertThrows(
        IllegalArgumentException.class, () -> ClassInfo.read(new byte[] {(byte) 0xCA, (byte) 0xFE}, name -> null));
  }

  @Test
  void theClassBeingDefinedIsDescribedFromTheBytesHandedOver() {
    ClassLoaderTypes fresh = new ClassLoaderTypes(getClass().getClassLoader());
    ClassInfo defined = fresh.define(classFile(Described.class));
    assertSame(defined, fresh.resolve(SAMPLE + "Described"));
  }

  @Test
  void matchersAskNamesModifiersParametersAndHierarchy() {
    assertTrue(named(SAMPLE + "Described").matches(described));
    assertTrue(Matchers.<ClassInfo>nameStartsWith(SAMPLE).and(not(Matchers.isInterface())).matches(described));
    assertTrue(hasSuperType(named("java.lang.AutoCloseable").or(named("java.io.Closeable"))).matches(described));
    assertFalse(hasSuperType(named("java.io.Closeable")).matches(described));
    assertTrue(declaresMethod(named("lookUp").and(takesArguments(3))).matches(described));
    assertFalse(declaresMethod(named("work")).matches(described)); // Base's, not its own

    MethodInfo lookUp = method("lookUp");
    assertTrue(namedOneOf("find", "lookUp").and(isPublic()).and(not(isStatic())).matches(lookUp));
    assertTrue(takesArgument(0, "int").and(takesArgument(2, "byte[][]")).matches(lookUp));
    assertFalse(takesArgument(3, "int").matches(lookUp));
    assertTrue(takesArguments("int", "java.util.Map$Entry", "byte[][]").matches(lookUp));
    assertFalse(takesArguments("int").matches(lookUp));
    assertTrue(returns("java.lang.String[]").matches(lookUp));
    assertTrue(isConstructor().and(isDeclaredBy(SAMPLE + "Described")).matches(method("<init>")));
    assertTrue(takesArguments("java.lang.String").matches(method("<init>")));
  }

  private MethodInfo method(String name) {
    return described.methods().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
  }

  private static byte[] classFile(Class<?> type) {
    try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
