package dev.metricsagent.agent.weave;

/**
 * What the {@link AdviceWeaver} needs to know of a class beyond its own class file: its
 * superclasses' fields and its super types. The caller answers from whatever describes the class.
 */
public interface ClassHierarchy {

  /**
   * The descriptor of the instance field {@code name} the class's code can read, its own or a
   * superclass's, or null when there is none; for {@code @Advice.FieldValue}.
   */
  String fieldDescriptor(String name);

  /** Whether the class is, extends or implements the type with this internal name. */
  boolean isA(String internalName);
}
