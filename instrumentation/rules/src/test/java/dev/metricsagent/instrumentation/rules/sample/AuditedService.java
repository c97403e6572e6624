package dev.metricsagent.instrumentation.rules.sample;

/** Annotated as a whole: every method qualifies. */
@Timed
public class AuditedService {

  public void audit() {}

  public void archive() {}
}
