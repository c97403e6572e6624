package dev.metricsagent.agent.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metricsagent.agent.InstrumentationModules;
import dev.metricsagent.agent.install.fixtures.PlainStatement;
import dev.metricsagent.agent.install.fixtures.PreparedPlainStatement;
import dev.metricsagent.agent.install.fixtures.SerializableStatement;
import dev.metricsagent.bootstrap.jdbc.JdbcStatementField;
import dev.metricsagent.config.AgentConfig;
import dev.metricsagent.instrumentation.api.AddedField;
import dev.metricsagent.instrumentation.api.InstrumentationModule;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;

/** The jdbc instrumentation's field on statement classes: where it is written, and what it is. */
class AddedFieldTest {

  private static final String FIELD = "metricsAgent$jdbcStatement";

  private final List<InstrumentationModule> modules = InstrumentationModules.active(AgentConfig.defaults());
  private final Rewriter rewriter = new Rewriter(getClass().getClassLoader(), modules);

  @Test
  void aLoadingStatementClassGetsAFieldItsStateIsKeptIn() throws Exception {
    Class<?> rewritten = define(PlainStatement.class, rewrite(PlainStatement.class, true));

    assertTrue(JdbcStatementField.class.isAssignableFrom(rewritten));
    Field field = rewritten.getDeclaredField(FIELD);
    assertEquals(Object.class, field.getType());
    int modifiers = field.getModifiers();
    assertTrue(Modifier.isPrivate(modifiers) && Modifier.isTransient(modifiers) && field.isSynthetic());
    for (Method method : rewritten.getDeclaredMethods()) {
      if (method.getName().equals(FIELD)) {
        assertTrue(method.isSynthetic() && Modifier.isPublic(method.getModifiers()), method.toString());
      }
    }

    JdbcStatementField statement = (JdbcStatementField) instanceOf(rewritten);
    Object state = new Object();
    statement.metricsAgent$jdbcStatement(state);
    assertSame(state, statement.metricsAgent$jdbcStatement());
  }

  @Test
  void aClassTheAgentsWeaverDeclinesGetsAdviceAndFieldFromByteBuddy() throws Exception {
    // A Java 5 class file has no frames, which the agent's own weaver needs: Byte Buddy weaves it.
    byte[] java5 = withVersion(classFile(PlainStatement.class), Opcodes.V1_5);
    Rewritten rewritten =
        rewriter.rewrite(getClass().getClassLoader(), PlainStatement.class.getName(), java5, true, new ArrayList<>());
    assertEquals(List.of("jdbc"), rewritten.instrumentations);

    Class<?> woven = define(PlainStatement.class, rewritten.bytes);
    assertTrue(JdbcStatementField.class.isAssignableFrom(woven));
    assertEquals(Object.class, woven.getDeclaredField(FIELD).getType());
    assertTrue(
        new String(rewritten.bytes, StandardCharsets.ISO_8859_1).contains("dev/metricsagent/bootstrap/jdbc/JdbcBridge"),
        "execute(String) calls the bridge");
    JdbcStatementField statement = (JdbcStatementField) instanceOf(woven);
    assertFalse(((Statement) statement).execute("select 1"));
  }

  @Test
  void noFieldWhereTheJvmWouldRefuseItOrSerializationWouldChange() throws Exception {
    Class<?> retransformed = define(PlainStatement.class, rewrite(PlainStatement.class, false));
    Class<?> serializable = define(SerializableStatement.class, rewrite(SerializableStatement.class, true));

    for (Class<?> type : List.of(retransformed, serializable)) {
      assertFalse(JdbcStatementField.class.isAssignableFrom(type), type.getName());
      assertEquals(0, type.getDeclaredFields().length, type.getName());
    }
  }

  @Test
  void aSubclassOfAStatementClassWithTheFieldAddsNoSecondOne() throws Exception {
    Class<?> child =
        define(
            PreparedPlainStatement.class,
            rewrite(PreparedPlainStatement.class, true),
            PlainStatement.class,
            rewrite(PlainStatement.class, true));

    assertEquals(0, child.getDeclaredFields().length);
    assertFalse(List.of(child.getInterfaces()).contains(JdbcStatementField.class));
    JdbcStatementField statement = (JdbcStatementField) instanceOf(child);
    Object state = new Object();
    statement.metricsAgent$jdbcStatement(state);
    assertSame(state, statement.metricsAgent$jdbcStatement());
  }

  @Test
  void fieldsGoOnlyWhereTheBootstrapClassesCanBeReached() {
    AddedFieldAdmission admission =
        new AddedFieldAdmission(InstrumentationInstaller.addedFieldsOf(modules));
    ClassLoader application = getClass().getClassLoader();
    Module unnamed = application.getUnnamedModule();

    assertTrue(admission.mayAddTo(application, unnamed));
    // In this test the accessor is on the class path, so the platform loader cannot see it, and
    // java.base does not read the class path's unnamed module.
    assertFalse(admission.mayAddTo(ClassLoader.getPlatformClassLoader(), null));
    assertFalse(admission.mayAddTo(application, Object.class.getModule()));

    assertTrue(admission.carriedBy(FieldCarrier.class));
    assertFalse(admission.carriedBy(PlainStatement.class));
    assertTrue(new AddedFieldAdmission(List.of()).mayAddTo(ClassLoader.getPlatformClassLoader(), null));
  }

  @Test
  void anAccessorMustBeAGetterAndASetterOfOneName() {
    assertEquals(FIELD, AddedField.accessedThrough(JdbcStatementField.class).name());
    for (Class<?> wrong : List.of(Runnable.class, FieldCarrier.class, Comparable.class)) {
      try {
        AddedField.accessedThrough(wrong);
        throw new AssertionError(wrong + " accepted");
      } catch (IllegalArgumentException expected) {
        // the message names the type
      }
    }
  }

  private byte[] rewrite(Class<?> type, boolean mayAddFields) throws IOException {
    ClassLoader loader = getClass().getClassLoader();
    Rewritten rewritten =
        rewriter.rewrite(loader, type.getName(), classFile(type), mayAddFields, new ArrayList<>());
    assertEquals(List.of("jdbc"), rewritten.instrumentations);
    return rewritten.bytes;
  }

  private static byte[] withVersion(byte[] classFile, int version) {
    ClassWriter writer = new ClassWriter(0);
    new ClassReader(classFile)
        .accept(
            new ClassVisitor(Opcodes.ASM9, writer) {
              @Override
              public void visit(
                  int ignored, int access, String name, String signature, String superName, String[] interfaces) {
                super.visit(version, access, name, signature, superName, interfaces);
              }
            },
            ClassReader.SKIP_FRAMES);
    return writer.toByteArray();
  }

  /** Defines the rewritten bytes under the class's own name, in a loader of their own. */
  private static Class<?> define(Class<?> original, byte[] bytes) {
    return new ClassLoader(AddedFieldTest.class.getClassLoader()) {
      Class<?> defined = defineClass(original.getName(), bytes, 0, bytes.length);
    }.defined;
  }

  /** Defines a rewritten class and its rewritten superclass together in a loader of their own. */
  private static Class<?> define(
      Class<?> original, byte[] bytes, Class<?> parent, byte[] parentBytes) {
    return new ClassLoader(AddedFieldTest.class.getClassLoader()) {
      final Class<?> definedParent = defineClass(parent.getName(), parentBytes, 0, parentBytes.length);
      final Class<?> defined = defineClass(original.getName(), bytes, 0, bytes.length);
    }.defined;
  }

  /** The fixtures are abstract, as drivers' statement base classes are: a subclass is made. */
  private static Object instanceOf(Class<?> abstractType) throws ReflectiveOperationException {
    return new ByteBuddy()
        .subclass(abstractType)
        .make()
        .load(abstractType.getClassLoader(), ClassLoadingStrategy.Default.CHILD_FIRST)
        .getLoaded()
        .getDeclaredConstructor()
        .newInstance();
  }

  private static byte[] classFile(Class<?> type) throws IOException {
    try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
      return in.readAllBytes();
    }
  }

  private abstract static class FieldCarrier implements JdbcStatementField {}
}
