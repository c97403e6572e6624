package dev.metricsagent.instrumentation.httpclient;

import dev.metricsagent.bootstrap.httpclient.HttpClientBridge;
import dev.metricsagent.instrumentation.api.InstrumentationContext;
import dev.metricsagent.instrumentation.api.InstrumentationModule;
import dev.metricsagent.instrumentation.api.TypeInstrumentation;
import java.util.List;

/**
 * Outbound HTTP: every exchange an HTTP client puts on the wire, timed, by method, status, host
 * and (from the YAML {@code peers}) peer service and URL template. See
 * docs/instrumentation/http_client.md.
 */
public final class HttpClientModule implements InstrumentationModule {

  @Override
  public String name() {
    return "http_client";
  }

  @Override
  public void start(InstrumentationContext context) {
    if (context.instrumentation() != null) {
      JdkModuleReads.letJdkClientsCallTheBridge(context.instrumentation());
    }
    HttpClientBridge.connect(
        new HttpClientRecorder(context.meters(), context.config().instrumentation().httpClient()));
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(
        new UrlConnectionInstrumentation(),
        new JavaHttpClientInstrumentation(),
        new ApacheHttpClient4Instrumentation(),
        new ApacheHttpClient5Instrumentation(),
        new ApacheHttpAsyncClient5Instrumentation(),
        new OkHttpInstrumentation());
  }
}
