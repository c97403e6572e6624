package dev.metricsagent.instrumentation.api;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;

/** The rewriting of one kind of type: which types, and which advice goes on which methods. */
public interface TypeInstrumentation {

  /**
   * A cheap pre-check run once per class loader, before any type of that loader is matched:
   * typically "can this loader see the library at all" ({@link ClassLoaders#canSee}).
   */
  default ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ElementMatchers.any();
  }

  /**
   * What a class must be or mention to be worth matching at all, checked on the raw class file
   * before Byte Buddy describes it (see {@link ClassFileFilter}). Every instrumentation should
   * narrow this: one that lets every class through makes every class pay for every matcher.
   */
  default ClassFileFilter classFileFilter() {
    return ClassFileFilter.any();
  }

  /** Keep name-based matchers first: they cost nothing, hierarchy matchers cost a type parse. */
  ElementMatcher<TypeDescription> typeMatcher();

  AgentBuilder.Transformer transformer(AdviceFactory advice);

  /** A field the rewritten classes get, or null for none (most instrumentations). */
  default AddedField addedField() {
    return null;
  }
}
