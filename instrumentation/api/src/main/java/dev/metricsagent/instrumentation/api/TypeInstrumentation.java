package dev.metricsagent.instrumentation.api;

/** The rewriting of one kind of type: which types, and which advice goes on which methods. */
public interface TypeInstrumentation {

  /**
   * A cheap pre-check run once per class loader, before any type of that loader is matched:
   * typically "can this loader see the library at all" ({@link ClassLoaders#canSee}).
   */
  default Matcher<ClassLoader> classLoaderMatcher() {
    return Matchers.any();
  }

  /**
   * What a class must be or mention to be worth matching at all, checked on the raw class file
   * before it is read into a {@link ClassInfo} (see {@link ClassFileFilter}). Every
   * instrumentation should narrow this: one that lets every class through makes every class pay
   * for every matcher.
   */
  default ClassFileFilter classFileFilter() {
    return ClassFileFilter.any();
  }

  /** Keep name-based matchers first: they cost nothing, hierarchy matchers read other class files. */
  Matcher<ClassInfo> typeMatcher();

  AdviceTransformer transformer(AdviceFactory advice);

  /** A field the rewritten classes get, or null for none (most instrumentations). */
  default AddedField addedField() {
    return null;
  }
}
