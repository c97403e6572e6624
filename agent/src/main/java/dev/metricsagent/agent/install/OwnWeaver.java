package dev.metricsagent.agent.install;

import dev.metricsagent.agent.weave.AdviceClass;
import dev.metricsagent.agent.weave.AdviceWeaver;
import dev.metricsagent.agent.weave.ClassHierarchy;
import dev.metricsagent.agent.weave.CustomBinder;
import dev.metricsagent.agent.weave.MethodAdvice;
import dev.metricsagent.instrumentation.api.AdviceTransformer;
import dev.metricsagent.instrumentation.api.ClassInfo;
import dev.metricsagent.instrumentation.api.FieldInfo;
import dev.metricsagent.instrumentation.api.MethodInfo;
import dev.metricsagent.instrumentation.api.WovenBinding;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Type;

/**
 * The {@link Rewriter}'s first choice: the instrumentations' advice inlined by the agent's own
 * {@link AdviceWeaver}, which loads some 40 classes of ASM where Byte Buddy's {@code Advice} loads
 * hundreds, the largest part of a first start's cost. Whatever it declines (custom advice
 * mappings without {@link WovenBinding}s, two advice classes on one method, anything {@link
 * AdviceWeaver} refuses) the rewriter hands to Byte Buddy.
 */
final class OwnWeaver {

  private final ClassLoader agentClassLoader;
  /** Empty for an advice class the weaver refuses. */
  private final Map<String, Optional<AdviceClass>> adviceClasses = new ConcurrentHashMap<>();

  OwnWeaver(ClassLoader agentClassLoader) {
    this.agentClassLoader = agentClassLoader;
  }

  /** The class with every transformation's advice and fields, or null for Byte Buddy to do it. */
  byte[] weave(ClassInfo type, byte[] classFile, List<TypeTransformation> applied, boolean mayAddFields) {
    Map<String, MethodAdvice> adviceByMethod = new HashMap<>();
    UnaryOperator<ClassVisitor> fields = null;
    for (TypeTransformation transformation : applied) {
      AdviceTransformer advice = transformation.advice();
      Map<String, WovenBinding> bindings = byDescriptor(advice.wovenBindings());
      for (MethodInfo method : type.methods()) {
        for (int i = 0; i < advice.size(); i++) {
          // Byte Buddy leaves methods without code alone, as the weaver does.
          if (method.isAbstract() || method.isNative() || !advice.methods(i).matches(method)) {
            continue;
          }
          AdviceClass adviceClass = adviceClass(advice.adviceClassName(i), bindings.keySet());
          CustomBinder custom =
              bindings.isEmpty()
                  ? null
                  : (annotation, value) -> {
                    WovenBinding binding = bindings.get(annotation);
                    return binding == null ? null : binding.bind(method, value);
                  };
          // Byte Buddy nests two advice classes on one method; this weaver does not.
          if (adviceClass == null
              || adviceByMethod.put(method.name() + method.descriptor(), new MethodAdvice(adviceClass, custom))
                  != null) {
            return null;
          }
        }
      }
      AddedFieldWriter field = transformation.fieldWriter(type, mayAddFields);
      if (field != null) {
        UnaryOperator<ClassVisitor> before = fields;
        fields = before == null ? field::wrap : visitor -> field.wrap(before.apply(visitor));
      }
    }
    return AdviceWeaver.weave(classFile, adviceByMethod, hierarchyOf(type), fields, new StringBuilder());
  }

  private static Map<String, WovenBinding> byDescriptor(List<WovenBinding> bindings) {
    Map<String, WovenBinding> byDescriptor = new HashMap<>();
    for (WovenBinding binding : bindings) {
      byDescriptor.put(Type.getDescriptor(binding.getAnnotationType()), binding);
    }
    return byDescriptor;
  }

  /** Read once; an instrumentation's advice class always comes with the same custom annotations. */
  AdviceClass adviceClass(String className, Set<String> customAnnotations) {
    return adviceClasses.computeIfAbsent(className, name -> read(name, customAnnotations)).orElse(null);
  }

  private Optional<AdviceClass> read(String className, Set<String> customAnnotations) {
    try (InputStream in = agentClassLoader.getResourceAsStream(className.replace('.', '/') + ".class")) {
      return in == null
          ? Optional.empty()
          : Optional.ofNullable(AdviceClass.read(in.readAllBytes(), customAnnotations, new StringBuilder()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The weaver's questions answered from the agent's description of the class. */
  static ClassHierarchy hierarchyOf(ClassInfo type) {
    return new Hierarchy(type);
  }

  private static final class Hierarchy implements ClassHierarchy {
    private final ClassInfo type;

    Hierarchy(ClassInfo type) {
      this.type = type;
    }

    @Override
    public String fieldDescriptor(String name) {
      for (ClassInfo owner = type; owner != null; owner = owner.superClass()) {
        for (FieldInfo field : owner.fields()) {
          if (field.name().equals(name)) {
            return readable(owner, field) && !field.isStatic() ? field.descriptor() : null;
          }
        }
      }
      return null;
    }

    private boolean readable(ClassInfo owner, FieldInfo field) {
      int modifiers = field.modifiers();
      return owner == type
          || Modifier.isPublic(modifiers)
          || Modifier.isProtected(modifiers)
          || (!Modifier.isPrivate(modifiers) && owner.packageName().equals(type.packageName()));
    }

    @Override
    public boolean isA(String internalName) {
      return type.isSubtypeOf(internalName.replace('/', '.'));
    }
  }
}
