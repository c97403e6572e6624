package dev.metricsagent.instrumentation.httpclient;

/**
 * Ports as label values without allocating on the common path: a small direct-mapped table of
 * the ports seen (an application talks to few), rebuilt only when two ports share a slot.
 */
final class PortLabel {

  private static final int SLOTS = 256;

  private static final class Entry {
    final int port;
    final String text;

    Entry(int port) {
      this.port = port;
      this.text = Integer.toString(port);
    }
  }

  // A racy table is fine: entries are immutable, a lost write only costs a later allocation.
  private final Entry[] table = new Entry[SLOTS];

  String of(int port) {
    if (port < 0) {
      return null;
    }
    int slot = port & (SLOTS - 1);
    Entry entry = table[slot];
    if (entry == null || entry.port != port) {
      entry = new Entry(port);
      table[slot] = entry;
    }
    return entry.text;
  }
}
