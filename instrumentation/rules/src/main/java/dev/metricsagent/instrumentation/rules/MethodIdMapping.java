package dev.metricsagent.instrumentation.rules;

import dev.metricsagent.instrumentation.api.MethodInfo;
import dev.metricsagent.instrumentation.api.WovenBinding;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.implementation.bytecode.constant.IntegerConstant;

/** Resolves {@link MethodId} to the method's id while the method is instrumented. */
final class MethodIdMapping implements Advice.OffsetMapping.Factory<MethodId>, WovenBinding {

  private final InstrumentedMethods methods;

  MethodIdMapping(InstrumentedMethods methods) {
    this.methods = methods;
  }

  @Override
  public Class<MethodId> getAnnotationType() {
    return MethodId.class;
  }

  /** The same for the agent's own weaver. */
  @Override
  public Bound bind(MethodInfo method, int value) {
    return Bound.constant(planOf(methods.planFor(method), method));
  }

  private static int planOf(MethodPlan plan, Object method) {
    if (plan == null) {
      throw new IllegalStateException("no rule selects " + method);
    }
    return plan.id();
  }

  @Override
  public Advice.OffsetMapping make(ParameterDescription.InDefinedShape target,
      AnnotationDescription.Loadable<MethodId> annotation, AdviceType adviceType) {
    return (instrumentedType, instrumentedMethod, assigner, argumentHandler, sort) ->
        new Advice.OffsetMapping.Target.ForStackManipulation(
            IntegerConstant.forValue(planOf(
                methods.plannedFor(instrumentedType.getName(), instrumentedMethod.getInternalName(),
                    instrumentedMethod.getDescriptor()),
                instrumentedMethod)));
  }
}
