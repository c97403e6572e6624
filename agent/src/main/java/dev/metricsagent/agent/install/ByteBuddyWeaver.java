package dev.metricsagent.agent.install;

import dev.metricsagent.instrumentation.api.ClassInfo;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.TypeResolutionStrategy;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.pool.TypePool;

/**
 * Byte Buddy's {@code Advice}, for the classes the agent's own weaver declines ({@link
 * OwnWeaver}): the JDK's classes as a retransformation hands them over, without frames, and
 * advice the weaver cannot inline. Everything of Byte Buddy but ASM is loaded from here, so the
 * {@link Rewriter} makes this only for the first such class; most starts never do.
 */
final class ByteBuddyWeaver {

  private final ByteBuddy byteBuddy =
      new ByteBuddy()
          .with(TypeValidation.DISABLED)
          .with(Implementation.Context.Disabled.Factory.INSTANCE)
          // Advice goes into declared methods only: no need to analyse the whole hierarchy's
          // methods (bridges, overrides) for each class, a quarter of the transformation time.
          .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE);
  private final TypePoolCache typePools = new TypePoolCache();

  /** The class with every transformation's advice, and their fields if {@code mayAddFields}. */
  byte[] weave(
      ClassLoader loader,
      String typeName,
      byte[] classFile,
      ClassInfo type,
      List<TypeTransformation> applied,
      boolean mayAddFields) {
    ClassFileLocator locator =
        new ClassFileLocator.Compound(
            ClassFileLocator.Simple.of(typeName, classFile),
            loader == null
                ? ClassFileLocator.ForClassLoader.ofBootLoader()
                : ClassFileLocator.ForClassLoader.WeaklyReferenced.of(loader));
    TypePool typePool = typePools.typePool(locator, loader);
    DynamicType.Builder<?> builder = byteBuddy.decorate(typePool.describe(typeName).resolve(), locator);
    for (TypeTransformation transformation : applied) {
      builder = transformation.advice().transform(builder, type, loader);
      AddedFieldWriter field = transformation.fieldWriter(type, mayAddFields);
      if (field != null) {
        builder = builder.visit(asWrapper(field));
      }
    }
    return builder.make(TypeResolutionStrategy.Disabled.INSTANCE, typePool).getBytes();
  }

  private static AsmVisitorWrapper asWrapper(AddedFieldWriter field) {
    return new AsmVisitorWrapper.AbstractBase() {
      @Override
      public ClassVisitor wrap(
          TypeDescription instrumentedType,
          ClassVisitor classVisitor,
          Implementation.Context implementationContext,
          TypePool typePool,
          FieldList<FieldDescription.InDefinedShape> fields,
          MethodList<?> methods,
          int writerFlags,
          int readerFlags) {
        return field.wrap(classVisitor);
      }
    };
  }
}
