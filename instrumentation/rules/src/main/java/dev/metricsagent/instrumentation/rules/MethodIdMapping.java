package dev.metricsagent.instrumentation.rules;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.implementation.bytecode.constant.IntegerConstant;

/** Resolves {@link MethodId} to the method's id while the method is instrumented. */
final class MethodIdMapping implements Advice.OffsetMapping.Factory<MethodId> {

  private final InstrumentedMethods methods;

  MethodIdMapping(InstrumentedMethods methods) {
    this.methods = methods;
  }

  @Override
  public Class<MethodId> getAnnotationType() {
    return MethodId.class;
  }

  @Override
  public Advice.OffsetMapping make(ParameterDescription.InDefinedShape target,
      AnnotationDescription.Loadable<MethodId> annotation, AdviceType adviceType) {
    return (instrumentedType, instrumentedMethod, assigner, argumentHandler, sort) -> {
      MethodPlan plan = methods.planFor(instrumentedMethod);
      if (plan == null) {
        throw new IllegalStateException("no rule selects " + instrumentedMethod);
      }
      return new Advice.OffsetMapping.Target.ForStackManipulation(IntegerConstant.forValue(plan.id()));
    };
  }
}
