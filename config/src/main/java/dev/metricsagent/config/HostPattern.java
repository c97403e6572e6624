package dev.metricsagent.config;

import java.util.Locale;

/**
 * A host a peer answers on: {@code api.github.com} (exactly that host), {@code *.github.com}
 * (any subdomain at any depth, but not {@code github.com} itself), either optionally followed by
 * {@code :port} to match that port only. Host names compare case-insensitively and a trailing
 * '.' of a fully qualified name is ignored. IPv6 addresses are written in brackets,
 * {@code [2001:db8::1]:8443}.
 */
public final class HostPattern {

  private static final String EXPECTED = "a host such as api.github.com or *.github.com, optionally with :port";

  private final String text;
  private final String host;
  private final boolean anySubdomain;
  private final int port;

  private HostPattern(String text, String host, boolean anySubdomain, int port) {
    this.text = text;
    this.host = host;
    this.anySubdomain = anySubdomain;
    this.port = port;
  }

  /**
   * Reads a host pattern.
   *
   * @throws IllegalArgumentException with a complete error message when the text is not a host pattern
   */
  public static HostPattern parse(String text) {
    if (text.contains("://")) {
      String rest = text.substring(text.indexOf("://") + 3);
      int slash = rest.indexOf('/');
      throw problem(text, "leave out the scheme, write '" + (slash < 0 ? rest : rest.substring(0, slash)) + "'");
    }
    if (text.indexOf('/') >= 0) {
      throw problem(text, "leave out the path; url_templates: matches paths");
    }
    String host = text;
    int port = -1;
    int portColon = host.startsWith("[") ? host.indexOf("]:") + 1 : host.lastIndexOf(':');
    if (portColon > 0) {
      String portText = host.substring(portColon + 1);
      if (!ValueTypes.isPort(portText)) {
        throw problem(text, "the port must be a number from 1 to 65535");
      }
      port = Integer.parseInt(portText);
      host = host.substring(0, portColon);
    }
    boolean anySubdomain = host.startsWith("*.");
    if (anySubdomain) {
      host = host.substring(2);
    }
    if (host.endsWith(".") && host.length() > 1) {
      host = host.substring(0, host.length() - 1);
    }
    String reason = hostProblem(host);
    if (reason != null) {
      throw problem(text, reason);
    }
    return new HostPattern(text, host.toLowerCase(Locale.ROOT), anySubdomain, port);
  }

  /**
   * Whether a request to this host and port goes to this peer. Pass the effective port (443 for
   * https without an explicit port); a pattern without a port matches any port.
   */
  public boolean matches(String requestHost, int requestPort) {
    if (requestHost == null || (port >= 0 && requestPort != port)) {
      return false;
    }
    int length = requestHost.length();
    if (length > 1 && requestHost.charAt(length - 1) == '.') {
      length--;
    }
    if (!anySubdomain) {
      return length == host.length() && requestHost.regionMatches(true, 0, host, 0, length);
    }
    int dot = length - host.length() - 1;
    return dot > 0
        && requestHost.charAt(dot) == '.'
        && requestHost.regionMatches(true, dot + 1, host, 0, host.length());
  }

  /** Whether this is a {@code *.domain} pattern. */
  public boolean isWildcard() {
    return anySubdomain;
  }

  /** The host, or for {@code *.github.com} the domain {@code github.com}; lower case, without port. */
  public String host() {
    return host;
  }

  /** The port this pattern is restricted to, or -1 for any port. */
  public int port() {
    return port;
  }

  /** The pattern as written. */
  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }

  private static String hostProblem(String host) {
    if (host.isEmpty()) {
      return "the host is empty";
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      return host.substring(1, host.length() - 1).matches("[0-9A-Fa-f:.]+") ? null : "not an IPv6 address";
    }
    if (host.indexOf(':') >= 0) {
      return "write IPv6 addresses in brackets, such as [2001:db8::1]";
    }
    if (host.indexOf('*') >= 0) {
      return "'*' may only stand for the subdomains, as in *.github.com";
    }
    for (String label : host.split("\\.", -1)) {
      if (label.isEmpty()) {
        return "a host name has no empty parts between dots";
      }
      if (!label.matches("[A-Za-z0-9_-]+")) {
        return "a host name has letters, digits, '-', '_' and '.' only";
      }
    }
    return null;
  }

  private static IllegalArgumentException problem(String text, String reason) {
    return new IllegalArgumentException("expected " + EXPECTED + ", got " + Found.quoted(text) + ": " + reason);
  }
}
