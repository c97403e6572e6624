package dev.metricsagent.instrumentation.rules.sample;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** The user's own annotation, as rules select by annotation:. */
@Retention(RetentionPolicy.CLASS)
public @interface Timed {}
