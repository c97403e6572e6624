package dev.metricsagent.agent.weave;

import dev.metricsagent.instrumentation.api.WovenBinding;

/** Binds an advice parameter's custom annotation for one advised method. */
public interface CustomBinder {

  /**
   * What the parameter annotated with {@code annotationDescriptor} (whose int value is {@code
   * value}, or -1) receives in the method, or null when the annotation is not one this binds.
   */
  WovenBinding.Bound bind(String annotationDescriptor, int value);
}
