package dev.metricsagent.agent.weave;

/** The advice class one method gets, and how its custom annotations bind in that method. */
public final class MethodAdvice {

  final AdviceClass advice;
  /** Null for advice with Byte Buddy's annotations alone. */
  final CustomBinder custom;

  public MethodAdvice(AdviceClass advice, CustomBinder custom) {
    this.advice = advice;
    this.custom = custom;
  }
}
