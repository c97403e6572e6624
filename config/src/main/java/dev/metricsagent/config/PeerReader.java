package dev.metricsagent.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads {@code instrumentation.http_client.peers}: named remote services, their hosts and URL templates. */
final class PeerReader {

  private static final List<String> KEYS = List.of("name", "hosts", "url_templates", "rate_limit");
  private static final List<String> RATE_LIMIT_KEYS = List.of("remaining_header", "limit_header");
  private static final String HOSTS_EXPECTED = "a list of hosts such as [api.github.com, \"*.github.com\"]";
  private static final String TEMPLATES_EXPECTED = "a list of path templates such as [\"/repos/{owner}/{repo}/pulls\"]";
  private static final String RATE_LIMIT_EXPECTED =
      "false, true or a mapping with the keys remaining_header, limit_header";
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  private final YamlNodes nodes;

  PeerReader(YamlNodes nodes) {
    this.nodes = nodes;
  }

  /** The valid peers; the others are reported. */
  List<PeerConfig> read(Node node, String path) {
    List<PeerConfig> peers = new ArrayList<>();
    List<Node> items = nodes.list(node, path, "a list of peers, each a mapping with name: and hosts:");
    if (items == null) {
      return peers;
    }
    for (int i = 0; i < items.size(); i++) {
      PeerConfig peer = readPeer(items.get(i), path + "[" + i + "]");
      if (peer != null) {
        peers.add(peer);
      }
    }
    return peers;
  }

  private PeerConfig readPeer(Node node, String path) {
    YamlMapping peer = nodes.mapping(node, path, KEYS);
    if (peer == null) {
      return null;
    }
    int problemsBefore = nodes.problemCount();
    String name = null;
    if (peer.has("name")) {
      name = nodes.value(peer.value("name"), peer.pathOf("name"), ValueTypes.nonEmptyText("a peer name such as github"));
    } else {
      nodes.problem(node, path, "missing required key 'name' (the peer_service label value, such as github)");
    }
    List<HostPattern> hosts = new ArrayList<>();
    if (peer.has("hosts")) {
      hosts = hosts(peer.value("hosts"), peer.pathOf("hosts"));
    } else {
      nodes.problem(node, path, "missing required key 'hosts' (such as [api.github.com, \"*.github.com\"])");
    }
    List<UrlTemplate> templates = peer.has("url_templates")
        ? templates(peer.value("url_templates"), peer.pathOf("url_templates"))
        : List.of();
    RateLimitHeaders rateLimit = null;
    if (peer.has("rate_limit")) {
      rateLimit = rateLimit(peer.value("rate_limit"), peer.pathOf("rate_limit"), name);
    } else if (name != null) {
      rateLimit = RateLimitHeaders.defaultFor(name);
    }
    if (nodes.problemCount() != problemsBefore) {
      return null;
    }
    return new PeerConfig(name, hosts, templates, rateLimit);
  }

  private List<HostPattern> hosts(Node node, String path) {
    List<HostPattern> hosts = new ArrayList<>();
    List<Node> items = nodes.oneOrList(node, path, HOSTS_EXPECTED);
    if (items == null) {
      return hosts;
    }
    if (items.isEmpty()) {
      nodes.problem(node, path, "expected " + HOSTS_EXPECTED + ", got an empty list");
    }
    for (int i = 0; i < items.size(); i++) {
      String itemPath = path + "[" + i + "]";
      String text = nodes.text(items.get(i), itemPath, "a host such as api.github.com or *.github.com");
      if (text != null) {
        try {
          hosts.add(HostPattern.parse(text));
        } catch (IllegalArgumentException e) {
          nodes.problem(items.get(i), itemPath, e.getMessage());
        }
      }
    }
    return hosts;
  }

  private List<UrlTemplate> templates(Node node, String path) {
    List<UrlTemplate> templates = new ArrayList<>();
    List<Node> items = nodes.oneOrList(node, path, TEMPLATES_EXPECTED);
    if (items == null) {
      return templates;
    }
    for (int i = 0; i < items.size(); i++) {
      String itemPath = path + "[" + i + "]";
      String text = nodes.text(items.get(i), itemPath, "a path template such as /repos/{owner}/{repo}/pulls");
      if (text != null) {
        try {
          templates.add(UrlTemplate.parse(text));
        } catch (IllegalArgumentException e) {
          nodes.problem(items.get(i), itemPath, e.getMessage());
        }
      }
    }
    return templates;
  }

  /** {@code false}: none; {@code true}: the defaults for the peer's name; a mapping: those headers. */
  private RateLimitHeaders rateLimit(Node node, String path, String peerName) {
    if (node.getNodeId() == NodeId.scalar && nodes.yamlValue((ScalarNode) node) instanceof Boolean) {
      if (!(Boolean) nodes.yamlValue((ScalarNode) node)) {
        return null;
      }
      RateLimitHeaders defaults = peerName == null ? null : RateLimitHeaders.defaultFor(peerName);
      if (defaults == null && peerName != null) {
        nodes.problem(node, path, "rate_limit: true needs header names for peer " + Found.quoted(peerName)
            + " (defaults exist for github and gitlab only); write rate_limit: {remaining_header: ...,"
            + " limit_header: ...}");
      }
      return defaults;
    }
    YamlMapping headers = nodes.mapping(node, path, RATE_LIMIT_KEYS, RATE_LIMIT_EXPECTED);
    if (headers == null) {
      return null;
    }
    String remaining = null;
    if (headers.has("remaining_header")) {
      remaining = header(headers.value("remaining_header"), headers.pathOf("remaining_header"));
    } else {
      nodes.problem(node, path, "missing required key 'remaining_header' (such as X-RateLimit-Remaining)");
    }
    String limit = headers.has("limit_header")
        ? header(headers.value("limit_header"), headers.pathOf("limit_header"))
        : null;
    return remaining == null ? null : new RateLimitHeaders(remaining, limit);
  }

  private String header(Node node, String path) {
    String expected = "an HTTP header name such as X-RateLimit-Remaining";
    String text = nodes.text(node, path, expected);
    if (text != null && !HEADER_NAME.matcher(text).matches()) {
      nodes.problem(node, path, "expected " + expected + ", got " + Found.quoted(text));
      return null;
    }
    return text;
  }
}
