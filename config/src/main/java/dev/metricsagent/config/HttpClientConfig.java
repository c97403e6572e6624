package dev.metricsagent.config;

import java.util.List;

/** {@code instrumentation.http_client}: whether HTTP clients are instrumented, and the named peers. */
public final class HttpClientConfig extends FamilyConfig {

  private final List<PeerConfig> peers;

  HttpClientConfig(boolean enabled, List<PeerConfig> peers) {
    super(enabled);
    this.peers = List.copyOf(peers);
  }

  /** The configured peers, in file order; empty by default. */
  public List<PeerConfig> peers() {
    return peers;
  }

  /**
   * The first peer, in file order, with a host pattern matching this host and port; null when
   * none does. Pass the effective port (443 for https without an explicit port).
   */
  public PeerConfig peerFor(String host, int port) {
    for (int i = 0; i < peers.size(); i++) { // per HTTP client call: no iterator
      if (peers.get(i).matchesHost(host, port)) {
        return peers.get(i);
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "{enabled=" + enabled() + ", peers=" + peers + "}";
  }
}
