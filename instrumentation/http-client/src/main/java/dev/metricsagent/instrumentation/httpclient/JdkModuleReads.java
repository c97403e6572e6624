package dev.metricsagent.instrumentation.httpclient;

import dev.metricsagent.bootstrap.httpclient.HttpClientBridge;
import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;

/**
 * The JDK's clients live in named modules (java.base, java.net.http), which read only the
 * modules they declare. Advice inlined into them calls the bridge, in the bootstrap loader's
 * unnamed module: without a read edge to it, the first call fails with IllegalAccessError.
 */
final class JdkModuleReads {

  private JdkModuleReads() {}

  static void letJdkClientsCallTheBridge(Instrumentation instrumentation) {
    Module bridge = HttpClientBridge.class.getModule();
    addRead(instrumentation, Object.class.getModule(), bridge);
    ModuleLayer.boot()
        .findModule("java.net.http")
        .ifPresent(httpModule -> addRead(instrumentation, httpModule, bridge));
  }

  private static void addRead(Instrumentation instrumentation, Module from, Module to) {
    if (!from.canRead(to)) {
      instrumentation.redefineModule(from, Set.of(to), Map.of(), Map.of(), Set.of(), Map.of());
    }
  }
}
