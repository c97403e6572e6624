package dev.metricsagent.instrumentation.servlet;

import dev.metricsagent.bootstrap.servlet.ServletBridge;
import dev.metricsagent.instrumentation.api.InstrumentationContext;
import dev.metricsagent.instrumentation.api.InstrumentationModule;
import dev.metricsagent.instrumentation.api.TypeInstrumentation;
import java.util.List;

/**
 * HTTP server metrics for servlet containers: every Servlet.service and Filter.doFilter of
 * both APIs is instrumented, and only a request's outermost entry records.
 */
public final class ServletModule implements InstrumentationModule {

  @Override
  public String name() {
    return "servlet";
  }

  @Override
  public void start(InstrumentationContext context) {
    ServletBridge.connect(
        new ServletRecorder(context.meters(), context.config().cardinalityLimit()));
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(
        new ServletApiInstrumentation(
            "jakarta.servlet", "dev.metricsagent.instrumentation.servlet.JakartaServletAdvice"),
        new ServletApiInstrumentation(
            "javax.servlet", "dev.metricsagent.instrumentation.servlet.JavaxServletAdvice"));
  }
}
