package dev.metricsagent.agent.weave;

import java.util.List;
import net.bytebuddy.jar.asm.Type;

/**
 * An advice class's {@code @Advice.OnMethodEnter} or {@code @Advice.OnMethodExit} method, as
 * {@link AdviceClassReader} found it: its bindings, and what its code needs of a frame.
 */
final class AdviceMethod {

  final String name;
  final String descriptor;
  final List<AdviceParameter> parameters;
  /** Whatever the advice throws is recorded in {@code AdviceErrors} and goes no further. */
  final boolean suppress;
  /** Exit advice only: it also runs when the method throws. */
  final boolean onThrowable;
  final int maxStack;
  final int maxLocals;

  AdviceMethod(
      String name,
      String descriptor,
      List<AdviceParameter> parameters,
      boolean suppress,
      boolean onThrowable,
      int maxStack,
      int maxLocals) {
    this.name = name;
    this.descriptor = descriptor;
    this.parameters = parameters;
    this.suppress = suppress;
    this.onThrowable = onThrowable;
    this.maxStack = maxStack;
    this.maxLocals = maxLocals;
  }

  Type returnType() {
    return Type.getReturnType(descriptor);
  }

  /** Slots the parameters take (the method is static): its own variables come after them. */
  int parameterSlots() {
    // The count includes an instance's slot 0, which a static method does not have.
    return (Type.getArgumentsAndReturnSizes(descriptor) >> 2) - 1;
  }

  /** The parameter that occupies advice slot {@code slot}, or null for the advice's own variables. */
  AdviceParameter parameterAt(int slot) {
    int end = 0;
    for (AdviceParameter parameter : parameters) {
      end += parameter.type.getSize();
      if (slot < end) {
        return parameter;
      }
    }
    return null;
  }
}
