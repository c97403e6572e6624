package dev.metricsagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerConfigTest {

  @TempDir
  Path directory;

  private ConfigFiles files;

  @BeforeEach
  void setUp() {
    files = new ConfigFiles(directory);
  }

  private List<PeerConfig> peers(String peersYaml) throws ConfigException {
    return files.load("instrumentation:\n  http_client:\n    peers:\n" + peersYaml.indent(6))
        .instrumentation().httpClient().peers();
  }

  @Test
  void aPeerNamedGithubGetsGitHubsRateLimitHeaders() throws ConfigException {
    RateLimitHeaders headers = peers("- {name: github, hosts: [api.github.com]}").get(0).rateLimit();

    assertEquals("X-RateLimit-Remaining", headers.remainingHeader());
    assertEquals("X-RateLimit-Limit", headers.limitHeader());
  }

  @Test
  void aPeerNamedGitlabGetsGitLabsRateLimitHeaders() throws ConfigException {
    RateLimitHeaders headers = peers("- {name: GitLab, hosts: [gitlab.com]}").get(0).rateLimit();

    assertEquals("RateLimit-Remaining", headers.remainingHeader());
    assertEquals("RateLimit-Limit", headers.limitHeader());
  }

  @Test
  void otherPeersHaveNoRateLimitHeadersUnlessConfigured() throws ConfigException {
    List<PeerConfig> peers = peers("""
        - {name: pagure, hosts: [pagure.io]}
        - {name: jira, hosts: [jira.example.com], rate_limit: {remaining_header: X-Left}}
        """);

    assertNull(peers.get(0).rateLimit());
    assertEquals("X-Left", peers.get(1).rateLimit().remainingHeader());
    assertNull(peers.get(1).rateLimit().limitHeader());
  }

  @Test
  void rateLimitFalseTurnsTheDefaultOff() throws ConfigException {
    assertNull(peers("- {name: github, hosts: [api.github.com], rate_limit: false}").get(0).rateLimit());
  }

  @Test
  void rateLimitTrueAsksForTheDefaultExplicitly() throws ConfigException {
    assertEquals("X-RateLimit-Remaining",
        peers("- {name: github, hosts: [api.github.com], rate_limit: true}").get(0).rateLimit().remainingHeader());
  }

  @Test
  void rateLimitTrueForAPeerWithoutDefaultsIsAnError() {
    assertEquals(List.of("agent.yaml:4:56: instrumentation.http_client.peers[0].rate_limit: rate_limit: true needs"
        + " header names for peer 'pagure' (defaults exist for github and gitlab only); write rate_limit:"
        + " {remaining_header: ..., limit_header: ...}"), files.problems("""
        instrumentation:
          http_client:
            peers:
              - {name: pagure, hosts: [pagure.io], rate_limit: true}
        """));
  }

  @Test
  void theFirstPeerWhoseHostMatchesIsChosen() throws ConfigException {
    List<PeerConfig> peers = peers("""
        - {name: github-uploads, hosts: ["uploads.github.com"]}
        - {name: github, hosts: [api.github.com, "*.github.com"]}
        - {name: gitlab, hosts: [gitlab.com, "gitlab.example.com:8443"]}
        """);
    HttpClientConfig httpClient = files.load("instrumentation:\n  http_client:\n    peers:\n" + """
        - {name: github-uploads, hosts: ["uploads.github.com"]}
        - {name: github, hosts: [api.github.com, "*.github.com"]}
        - {name: gitlab, hosts: [gitlab.com, "gitlab.example.com:8443"]}
        """.indent(6)).instrumentation().httpClient();

    assertEquals(3, peers.size());
    assertEquals("github-uploads", httpClient.peerFor("uploads.github.com", 443).name());
    assertEquals("github", httpClient.peerFor("api.github.com", 443).name());
    assertEquals("gitlab", httpClient.peerFor("gitlab.example.com", 8443).name());
    assertNull(httpClient.peerFor("gitlab.example.com", 443));
    assertNull(httpClient.peerFor("example.org", 443));
  }

  @Test
  void theFirstMatchingUrlTemplateIsTheLabelValue() throws ConfigException {
    PeerConfig github = peers("""
        - name: github
          hosts: [api.github.com]
          url_templates: ["/repos/{owner}/{repo}/pulls/{number}", "/repos/{owner}/{repo}/pulls"]
        """).get(0);

    assertEquals("/repos/{owner}/{repo}/pulls", github.urlTemplateFor("/repos/o/r/pulls?state=open"));
    assertEquals("/repos/{owner}/{repo}/pulls/{number}", github.urlTemplateFor("/repos/o/r/pulls/7"));
    assertNull(github.urlTemplateFor("/user"));
  }

  @Test
  void aSingleHostOrTemplateMayBeWrittenWithoutList() throws ConfigException {
    PeerConfig pagure = peers("- {name: pagure, hosts: pagure.io, url_templates: \"/api/0/{repo}/issues\"}").get(0);

    assertEquals("[pagure.io]", pagure.hosts().toString());
    assertEquals("[/api/0/{repo}/issues]", pagure.urlTemplates().toString());
  }

  @Test
  void aPeerNeedsANameAndHosts() {
    assertEquals(List.of(
        "agent.yaml:4:9: instrumentation.http_client.peers[0]: missing required key 'name' (the peer_service label"
            + " value, such as github)",
        "agent.yaml:5:17: instrumentation.http_client.peers[1].hosts: expected a list of hosts such as"
            + " [api.github.com, \"*.github.com\"], got an empty list",
        "agent.yaml:5:27: instrumentation.http_client.peers[1].name: expected a peer name such as github, got ''",
        "agent.yaml:6:9: instrumentation.http_client.peers[2]: missing required key 'hosts' (such as"
            + " [api.github.com, \"*.github.com\"])"), files.problems("""
        instrumentation:
          http_client:
            peers:
              - {hosts: [a.example.com]}
              - {hosts: [], name: ""}
              - {name: lonely}
        """));
  }

  @Test
  void hostTemplateAndHeaderProblemsPointAtTheItem() {
    assertEquals(List.of(
        "agent.yaml:6:28: instrumentation.http_client.peers[0].hosts[1]: expected a host such as api.github.com or"
            + " *.github.com, optionally with :port, got 'https://github.com': leave out the scheme, write"
            + " 'github.com'",
        "agent.yaml:7:25: instrumentation.http_client.peers[0].url_templates[0]: expected a path template such as"
            + " /repos/{owner}/{repo}/pulls, got 'repos': it must start with '/'",
        "agent.yaml:8:40: instrumentation.http_client.peers[0].rate_limit.remaining_header: expected an HTTP header"
            + " name such as X-RateLimit-Remaining, got 'X Left'"), files.problems("""
        instrumentation:
          http_client:
            peers:
              - name: github
                hosts:
                  [api.github.com, "https://github.com"]
                url_templates: [repos]
                rate_limit: {remaining_header: X Left}
        """));
  }

  @Test
  void peersMustBeAList() {
    assertSame(1, files.problems("instrumentation: {http_client: {peers: {name: github}}}\n").size());
  }
}
