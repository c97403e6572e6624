package dev.metricsagent.instrumentation.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.pool.TypePool;

/**
 * Adds advice classes to the methods they match: {@code .advice(named("x"), "a.XAdvice")}. Made
 * by {@link AdviceFactory}.
 *
 * <p>Each {@link Advice} is built once per class loader, not once per class it goes into: building
 * one parses the advice class and analyses its methods, and a JDBC driver or a pool has a dozen
 * statement and connection classes that take the same advice. Per loader, because the library
 * types an advice method names resolve through the loader of the class being instrumented.
 */
public final class AdviceTransformer {

  /** Null for advice with Byte Buddy's annotations alone; asked only when Byte Buddy weaves. */
  private final Supplier<Advice.WithCustomMapping> mapping;
  /** How the agent's own weaver binds the mapping's annotations; empty without a mapping. */
  private final List<WovenBinding> wovenBindings;
  private final ClassLoader agentClassLoader;
  private final List<Matcher<? super MethodInfo>> methods = new ArrayList<>();
  private final List<String> adviceClassNames = new ArrayList<>();
  /** Weak keys, so that an undeployed web application's loader can go; null is the bootstrap. */
  private final Map<ClassLoader, List<Advice>> adviceByLoader = new WeakHashMap<>();

  AdviceTransformer(
      Supplier<Advice.WithCustomMapping> mapping,
      List<WovenBinding> wovenBindings,
      ClassLoader agentClassLoader) {
    this.mapping = mapping;
    this.wovenBindings = wovenBindings;
    this.agentClassLoader = agentClassLoader;
  }

  /** Adds the advice class, named so that the agent never loads it, to the matching methods. */
  public AdviceTransformer advice(Matcher<? super MethodInfo> methods, String adviceClassName) {
    this.methods.add(methods);
    this.adviceClassNames.add(adviceClassName);
    return this;
  }

  /**
   * The bindings of the advice's custom annotations for the agent's own weaver (empty for advice
   * with Byte Buddy's annotations alone). An annotation without one makes the weaver decline the
   * advice, and Byte Buddy weave it.
   */
  public List<WovenBinding> wovenBindings() {
    return wovenBindings;
  }

  /** How many advice classes were added: {@link #methods(int)} and {@link #adviceClassName(int)}. */
  public int size() {
    return adviceClassNames.size();
  }

  public Matcher<? super MethodInfo> methods(int index) {
    return methods.get(index);
  }

  public String adviceClassName(int index) {
    return adviceClassNames.get(index);
  }

  /**
   * The advice added by Byte Buddy, for what the agent's own weaver declines. {@code type}
   * describes the class the builder rewrites: the method matchers ask its methods.
   */
  public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, ClassInfo type, ClassLoader loader) {
    List<Advice> advice = adviceFor(loader);
    AsmVisitorWrapper.ForDeclaredMethods visitor = new AsmVisitorWrapper.ForDeclaredMethods();
    for (int i = 0; i < advice.size(); i++) {
      Matcher<? super MethodInfo> matcher = methods.get(i);
      visitor = visitor.invokable(
          method -> {
            MethodInfo declared = type.method(method.getInternalName(), method.getDescriptor());
            return declared != null && matcher.matches(declared);
          },
          advice.get(i));
    }
    return builder.visit(visitor);
  }

  private List<Advice> adviceFor(ClassLoader loader) {
    synchronized (adviceByLoader) {
      List<Advice> advice = adviceByLoader.get(loader);
      if (advice != null) {
        return advice;
      }
    }
    // Built outside the lock: parallel class loading must not wait on another loader's advice.
    List<Advice> advice = build(loader);
    synchronized (adviceByLoader) {
      return adviceByLoader.computeIfAbsent(loader, ignored -> advice);
    }
  }

  private List<Advice> build(ClassLoader loader) {
    ClassFileLocator classFiles =
        new ClassFileLocator.Compound(
            ClassFileLocator.ForClassLoader.of(agentClassLoader),
            loader == null
                ? ClassFileLocator.ForClassLoader.ofBootLoader()
                : ClassFileLocator.ForClassLoader.WeaklyReferenced.of(loader));
    TypePool types =
        new TypePool.Default.WithLazyResolution(
            TypePool.CacheProvider.Simple.withObjectType(),
            classFiles,
            TypePool.Default.ReaderMode.FAST);
    Advice.WithCustomMapping mapping = this.mapping != null ? this.mapping.get() : Advice.withCustomMapping();
    List<Advice> advice = new ArrayList<>(adviceClassNames.size());
    for (String adviceClassName : adviceClassNames) {
      advice.add(
          mapping
              .to(types.describe(adviceClassName).resolve(), classFiles)
              .withExceptionHandler(AdviceErrorHandler.INSTANCE));
    }
    return advice;
  }
}
