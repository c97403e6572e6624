package dev.metricsagent.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A URL path template such as {@code /repos/{owner}/{repo}/pulls}: literal segments, which must
 * appear exactly (case-sensitively), and {@code {variable}} segments, which match exactly one
 * non-empty path segment. It becomes the {@code url_template} label of matching client requests,
 * so that the label never holds the ids in a path.
 *
 * <p>Matching ignores the query string, a fragment and one trailing slash.
 */
public final class UrlTemplate {

  private static final String EXPECTED = "a path template such as /repos/{owner}/{repo}/pulls";

  private final String template;
  private final String[] literals; // one per segment; null for a variable segment

  private UrlTemplate(String template, String[] literals) {
    this.template = template;
    this.literals = literals;
  }

  /**
   * Reads a template; one trailing slash is dropped.
   *
   * @throws IllegalArgumentException with a complete error message when the text is not a template
   */
  public static UrlTemplate parse(String text) {
    if (text.contains("://")) {
      throw problem(text, "give the path only; the host goes in hosts:");
    }
    if (!text.startsWith("/")) {
      throw problem(text, "it must start with '/'");
    }
    if (text.indexOf('?') >= 0 || text.indexOf('#') >= 0) {
      throw problem(text, "leave out the query string; it is ignored when matching");
    }
    String path = text.length() > 1 && text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    List<String> literals = new ArrayList<>();
    Set<String> variables = new HashSet<>();
    if (!path.equals("/")) {
      for (String segment : path.substring(1).split("/", -1)) {
        literals.add(readSegment(text, segment, variables));
      }
    }
    return new UrlTemplate(path, literals.toArray(new String[0]));
  }

  /**
   * Whether a request path matches, such as {@code /repos/octo/hello/pulls?state=open}. Does not
   * allocate: it runs on every instrumented HTTP client call.
   */
  public boolean match(String path) {
    if (path == null) {
      return false;
    }
    int end = path.length();
    int query = path.indexOf('?');
    if (query >= 0) {
      end = query;
    }
    int fragment = path.indexOf('#');
    if (fragment >= 0 && fragment < end) {
      end = fragment;
    }
    if (end > 1 && path.charAt(end - 1) == '/') {
      end--;
    }
    if (literals.length == 0) {
      return end == 0 || (end == 1 && path.charAt(0) == '/');
    }
    int position = 0;
    for (String literal : literals) {
      if (position >= end || path.charAt(position) != '/') {
        return false;
      }
      int start = position + 1;
      int next = path.indexOf('/', start);
      if (next < 0 || next > end) {
        next = end;
      }
      int length = next - start;
      if (literal == null ? length == 0 : length != literal.length() || !path.regionMatches(start, literal, 0, length)) {
        return false;
      }
      position = next;
    }
    return position == end;
  }

  /** The template as written, without a trailing slash: the {@code url_template} label value. */
  public String template() {
    return template;
  }

  @Override
  public String toString() {
    return template;
  }

  private static String readSegment(String text, String segment, Set<String> variables) {
    if (segment.isEmpty()) {
      throw problem(text, "it has an empty segment ('//')");
    }
    if (segment.startsWith("{") && segment.endsWith("}")) {
      String name = segment.substring(1, segment.length() - 1);
      if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw problem(text, "a variable name has letters, digits and '_', such as {owner}");
      }
      if (!variables.add(name)) {
        throw problem(text, "the variable {" + name + "} appears twice");
      }
      return null;
    }
    if (segment.indexOf('{') >= 0 || segment.indexOf('}') >= 0) {
      throw problem(text, "a variable must be a whole segment, such as /repos/{owner}");
    }
    if (segment.indexOf('*') >= 0) {
      throw problem(text, "write {name} for a segment that varies");
    }
    return segment;
  }

  private static IllegalArgumentException problem(String text, String reason) {
    return new IllegalArgumentException("expected " + EXPECTED + ", got " + Found.quoted(text) + ": " + reason);
  }
}
