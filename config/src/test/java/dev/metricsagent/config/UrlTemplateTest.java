package dev.metricsagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UrlTemplateTest {

  private final UrlTemplate pulls = UrlTemplate.parse("/repos/{owner}/{repo}/pulls");

  @Test
  void literalSegmentsMatchExactlyAndVariablesMatchOneSegment() {
    assertTrue(pulls.match("/repos/octocat/hello-world/pulls"));
    assertFalse(pulls.match("/repos/octocat/hello-world/issues"));
    assertFalse(pulls.match("/repos/octocat/pulls"));
    assertFalse(pulls.match("/repos/octocat/hello/world/pulls"));
    assertFalse(pulls.match("/repos/octocat/hello-world/pulls/42"));
    assertFalse(pulls.match("/Repos/octocat/hello-world/pulls"));
  }

  @Test
  void aVariableDoesNotMatchAnEmptySegment() {
    assertFalse(pulls.match("/repos//hello-world/pulls"));
  }

  @Test
  void theQueryStringAndFragmentAreIgnored() {
    assertTrue(pulls.match("/repos/octocat/hello-world/pulls?state=open&page=2"));
    assertTrue(pulls.match("/repos/octocat/hello-world/pulls#top"));
    assertTrue(pulls.match("/repos/octocat/hello-world/pulls/?state=open"));
  }

  @Test
  void oneTrailingSlashIsIgnoredOnBothSides() {
    assertTrue(pulls.match("/repos/octocat/hello-world/pulls/"));
    UrlTemplate withSlash = UrlTemplate.parse("/api/v4/projects/");
    assertEquals("/api/v4/projects", withSlash.template());
    assertTrue(withSlash.match("/api/v4/projects"));
  }

  @Test
  void theRootTemplateMatchesOnlyTheRoot() {
    UrlTemplate root = UrlTemplate.parse("/");

    assertTrue(root.match("/"));
    assertTrue(root.match("/?q=1"));
    assertTrue(root.match(""));
    assertFalse(root.match("/a"));
  }

  @Test
  void aPathNotStartingWithSlashOrNullMatchesNothing() {
    assertFalse(pulls.match("repos/octocat/hello-world/pulls"));
    assertFalse(pulls.match(null));
  }

  @Test
  void theTemplateIsTheLabelValue() {
    assertEquals("/repos/{owner}/{repo}/pulls", pulls.template());
    assertEquals("/repos/{owner}/{repo}/pulls", pulls.toString());
  }

  @Test
  void invalidTemplatesExplainWhatIsWrong() {
    assertEquals("expected a path template such as /repos/{owner}/{repo}/pulls, got 'repos/{owner}': it must start"
        + " with '/'", message("repos/{owner}"));
    assertEquals("expected a path template such as /repos/{owner}/{repo}/pulls, got 'https://api.github.com/repos':"
        + " give the path only; the host goes in hosts:", message("https://api.github.com/repos"));
    assertEquals("expected a path template such as /repos/{owner}/{repo}/pulls, got '/search?q={query}': leave out"
        + " the query string; it is ignored when matching", message("/search?q={query}"));
    assertEquals("expected a path template such as /repos/{owner}/{repo}/pulls, got '/repos/v{version}': a variable"
        + " must be a whole segment, such as /repos/{owner}", message("/repos/v{version}"));
    assertEquals("expected a path template such as /repos/{owner}/{repo}/pulls, got '/a//b': it has an empty segment"
        + " ('//')", message("/a//b"));
    assertEquals("expected a path template such as /repos/{owner}/{repo}/pulls, got '/repos/*': write {name} for a"
        + " segment that varies", message("/repos/*"));
    assertEquals("expected a path template such as /repos/{owner}/{repo}/pulls, got '/repos/{owner-name}': a variable"
        + " name has letters, digits and '_', such as {owner}", message("/repos/{owner-name}"));
    assertEquals("expected a path template such as /repos/{owner}/{repo}/pulls, got '/a/{id}/b/{id}': the variable"
        + " {id} appears twice", message("/a/{id}/b/{id}"));
  }

  private static String message(String text) {
    return assertThrows(IllegalArgumentException.class, () -> UrlTemplate.parse(text)).getMessage();
  }
}
