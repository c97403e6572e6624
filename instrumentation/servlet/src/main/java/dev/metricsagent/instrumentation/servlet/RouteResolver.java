package dev.metricsagent.instrumentation.servlet;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code http_route} label: a template, never a raw path with identifiers in it. In order
 * of preference:
 *
 * <ol>
 *   <li>the framework's matched pattern (Spring MVC's {@code /owners/{ownerId}}), prefixed with
 *       the servlet path when the framework's servlet has a path mapping ({@code /api/*});
 *   <li>the servlet mapping: an exact mapping's path, a path mapping's pattern ({@code
 *       /owners/*}), {@code /} for the context root;
 *   <li>the request path with identifiers replaced ({@link PathNormalizer}), for extension and
 *       default mappings and catch-all {@code /*} mappings, which say nothing about the route;
 *       except for a 404 there, which gets no route at all: a scanner probing random paths
 *       would otherwise fill the metric with one series per probe.
 * </ol>
 *
 * <p>Every route starts with the context path ({@code /shop/owners/{ownerId}} for a webapp
 * deployed at {@code /shop}), so that two webapps in one container never share a route.
 */
final class RouteResolver {

  /** No route: the label is empty (absent in PromQL terms). */
  static final String UNMATCHED = "";

  private static final String PATH = "PATH";
  private static final String EXACT = "EXACT";
  private static final String CONTEXT_ROOT = "CONTEXT_ROOT";
  private static final String CATCH_ALL = "/*";

  /** prefix -> template -> prefix + template: joins made once, not per request. */
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, String>> joined =
      new ConcurrentHashMap<>();

  private final AtomicInteger joinedCount = new AtomicInteger();
  private final int maxJoined;

  RouteResolver(int maxJoined) {
    this.maxJoined = maxJoined;
  }

  /**
   * The route, or null when it is made from the request's URI and {@code requestUri} is null:
   * the advice reads the URI only then, as Tomcat decodes it anew at each call.
   */
  String resolve(
      String contextPath,
      String servletPath,
      String mappingMatch,
      String mappingPattern,
      Object frameworkPattern,
      String requestUri,
      int status) {
    String context = contextPath == null ? "" : contextPath;
    if (frameworkPattern instanceof String && !((String) frameworkPattern).isEmpty()) {
      if (PATH.equals(mappingMatch) && servletPath != null && !servletPath.isEmpty()) {
        return join(join(context, servletPath), (String) frameworkPattern);
      }
      return join(context, (String) frameworkPattern);
    }
    if (EXACT.equals(mappingMatch) && mappingPattern != null && !mappingPattern.isEmpty()) {
      return join(context, mappingPattern);
    }
    if (CONTEXT_ROOT.equals(mappingMatch)) {
      return join(context, "/");
    }
    if (PATH.equals(mappingMatch)) {
      String pattern = pathPattern(mappingPattern, servletPath);
      if (pattern != null && !pattern.equals(CATCH_ALL)) {
        return join(context, pattern);
      }
    }
    if (status == 404) {
      return UNMATCHED;
    }
    return requestUri == null ? null : PathNormalizer.normalize(requestUri);
  }

  /**
   * Servlet 4+ names the pattern; on Servlet 3 a request with path info was matched by a path
   * mapping whose prefix is the servlet path.
   */
  private String pathPattern(String mappingPattern, String servletPath) {
    if (mappingPattern != null && !mappingPattern.isEmpty()) {
      return mappingPattern;
    }
    if (servletPath == null) {
      return null;
    }
    return join(servletPath, CATCH_ALL);
  }

  private String join(String prefix, String template) {
    if (prefix.isEmpty()) {
      return template;
    }
    ConcurrentHashMap<String, String> byTemplate = joined.get(prefix);
    if (byTemplate != null) {
      String route = byTemplate.get(template);
      if (route != null) {
        return route;
      }
    }
    String route = prefix + template;
    if (joinedCount.get() < maxJoined) {
      joined.computeIfAbsent(prefix, p -> new ConcurrentHashMap<>()).putIfAbsent(template, route);
      joinedCount.incrementAndGet();
    }
    return route;
  }
}
