package dev.metricsagent.agent.install;

import java.util.List;

/** What the transformer decided for one class: its new bytes and who rewrote it, or refused. */
final class Rewritten {

  /** No instrumentation wants the class: it loads unchanged. */
  static final Rewritten REFUSED = new Rewritten(null, List.of());

  /** The new class file; null when refused. */
  final byte[] bytes;
  /** The instrumentations whose advice is in it. */
  final List<String> instrumentations;

  Rewritten(byte[] bytes, List<String> instrumentations) {
    this.bytes = bytes;
    this.instrumentations = instrumentations;
  }

  boolean refused() {
    return bytes == null;
  }
}
