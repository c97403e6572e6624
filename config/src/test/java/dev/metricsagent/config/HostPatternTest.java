package dev.metricsagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HostPatternTest {

  @Test
  void anExactHostMatchesThatHostOnAnyPort() {
    HostPattern pattern = HostPattern.parse("api.github.com");

    assertTrue(pattern.matches("api.github.com", 443));
    assertTrue(pattern.matches("api.github.com", 8080));
    assertFalse(pattern.matches("github.com", 443));
    assertFalse(pattern.matches("xapi.github.com", 443));
    assertFalse(pattern.matches("uploads.api.github.com", 443));
  }

  @Test
  void hostsCompareCaseInsensitively() {
    assertTrue(HostPattern.parse("API.GitHub.com").matches("api.github.COM", 443));
    assertTrue(HostPattern.parse("*.GitHub.com").matches("Uploads.github.com", 443));
  }

  @Test
  void aWildcardMatchesAnySubdomainButNotTheDomainItself() {
    HostPattern pattern = HostPattern.parse("*.github.com");

    assertTrue(pattern.isWildcard());
    assertEquals("github.com", pattern.host());
    assertTrue(pattern.matches("api.github.com", 443));
    assertTrue(pattern.matches("a.b.github.com", 443));
    assertFalse(pattern.matches("github.com", 443));
    assertFalse(pattern.matches("evilgithub.com", 443));
    assertFalse(pattern.matches(".github.com", 443));
  }

  @Test
  void aPortRestrictsThePatternToThatPort() {
    HostPattern pattern = HostPattern.parse("gitlab.example.com:8443");

    assertEquals(8443, pattern.port());
    assertTrue(pattern.matches("gitlab.example.com", 8443));
    assertFalse(pattern.matches("gitlab.example.com", 443));
    assertTrue(HostPattern.parse("*.example.com:8443").matches("git.example.com", 8443));
    assertEquals(-1, HostPattern.parse("example.com").port());
  }

  @Test
  void aTrailingDotOfAFullyQualifiedNameIsIgnored() {
    assertTrue(HostPattern.parse("api.github.com").matches("api.github.com.", 443));
    assertTrue(HostPattern.parse("api.github.com.").matches("api.github.com", 443));
  }

  @Test
  void ipv6AddressesAreWrittenInBrackets() {
    HostPattern pattern = HostPattern.parse("[2001:db8::1]:8443");

    assertTrue(pattern.matches("[2001:db8::1]", 8443));
    assertFalse(pattern.matches("[2001:db8::1]", 443));
  }

  @Test
  void aNullHostMatchesNothing() {
    assertFalse(HostPattern.parse("*.github.com").matches(null, 443));
  }

  @Test
  void invalidHostsExplainWhatIsWrong() {
    assertEquals("expected a host such as api.github.com or *.github.com, optionally with :port, got"
        + " 'https://api.github.com/repos': leave out the scheme, write 'api.github.com'",
        message("https://api.github.com/repos"));
    assertEquals("expected a host such as api.github.com or *.github.com, optionally with :port, got"
        + " 'api.github.com/repos': leave out the path; url_templates: matches paths", message("api.github.com/repos"));
    assertEquals("expected a host such as api.github.com or *.github.com, optionally with :port, got 'api*.github.com':"
        + " '*' may only stand for the subdomains, as in *.github.com", message("api*.github.com"));
    assertEquals("expected a host such as api.github.com or *.github.com, optionally with :port, got"
        + " 'example.com:99999': the port must be a number from 1 to 65535", message("example.com:99999"));
    assertEquals("expected a host such as api.github.com or *.github.com, optionally with :port, got 'a..b': a host"
        + " name has no empty parts between dots", message("a..b"));
    assertEquals("expected a host such as api.github.com or *.github.com, optionally with :port, got '2001:db8::1':"
        + " write IPv6 addresses in brackets, such as [2001:db8::1]", message("2001:db8::1"));
    assertEquals("expected a host such as api.github.com or *.github.com, optionally with :port, got '': the host is"
        + " empty", message(""));
  }

  private static String message(String text) {
    return assertThrows(IllegalArgumentException.class, () -> HostPattern.parse(text)).getMessage();
  }
}
