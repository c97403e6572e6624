package dev.metricsagent.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for api.github.com so the demo makes real outbound calls without a network:
 * canned JSON and the rate-limit headers GitHub sends.
 */
final class FakeGitHubServlet extends HttpServlet {

  private static final int RATE_LIMIT = 5000;
  private final AtomicInteger used = new AtomicInteger();

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    int remaining = Math.max(0, RATE_LIMIT - used.incrementAndGet());
    response.setHeader("X-RateLimit-Limit", Integer.toString(RATE_LIMIT));
    response.setHeader("X-RateLimit-Remaining", Integer.toString(remaining));
    response.setContentType("application/json");
    response.getWriter().println("[{\"number\": 1, \"title\": \"Add metrics\"}]");
  }
}
