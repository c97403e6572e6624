package dev.metricsagent.instrumentation.rules;

import dev.metricsagent.instrumentation.api.MethodInfo;
import dev.metricsagent.instrumentation.api.WovenBinding;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.implementation.bytecode.constant.NullConstant;

/**
 * Resolves {@link LabelArgument} to the argument an {@code {argN}} label reads, or to null, so
 * that only methods whose rules read an argument pass one (boxing it when it is primitive).
 */
final class LabelArgumentMapping implements Advice.OffsetMapping.Factory<LabelArgument>, WovenBinding {

  private final InstrumentedMethods methods;

  LabelArgumentMapping(InstrumentedMethods methods) {
    this.methods = methods;
  }

  @Override
  public Class<LabelArgument> getAnnotationType() {
    return LabelArgument.class;
  }

  /** The same for the agent's own weaver: the argument, boxed by the weaver, or null. */
  @Override
  public Bound bind(MethodInfo method, int value) {
    int index = argumentIndex(methods.planFor(method), value);
    return index < 0 ? Bound.nullValue() : Bound.argument(index);
  }

  private static int argumentIndex(MethodPlan plan, int slot) {
    return plan == null ? -1 : plan.argumentIndex(slot);
  }

  @Override
  public Advice.OffsetMapping make(ParameterDescription.InDefinedShape target,
      AnnotationDescription.Loadable<LabelArgument> annotation, AdviceType adviceType) {
    int slot = annotation.load().value();
    return (instrumentedType, instrumentedMethod, assigner, argumentHandler, sort) -> {
      int index = argumentIndex(
          methods.plannedFor(instrumentedType.getName(), instrumentedMethod.getInternalName(),
              instrumentedMethod.getDescriptor()),
          slot);
      if (index < 0) {
        return new Advice.OffsetMapping.Target.ForStackManipulation(NullConstant.INSTANCE);
      }
      ParameterDescription parameter = instrumentedMethod.getParameters().get(index);
      return new Advice.OffsetMapping.ForArgument.Resolved(TypeDescription.Generic.OBJECT, true,
          Assigner.Typing.STATIC, parameter)
          .resolve(instrumentedType, instrumentedMethod, assigner, argumentHandler, sort);
    };
  }
}
