package dev.metricsagent.instrumentation.rules.sample;

import java.util.List;
import java.util.function.Supplier;

/** A class for rules to select from: overloads, static, private, a lambda, a constructor. */
public class GitHubClient {

  public GitHubClient() {}

  public String get(String path) {
    Supplier<String> lambda = () -> path;
    return lambda.get();
  }

  public String get(String path, int page) {
    return path + page;
  }

  public List<String> getAll(String[] paths) {
    return List.of(paths);
  }

  public void post(String path) {}

  public static String version() {
    return "1";
  }

  private String secret() {
    return "s";
  }

  protected void retry() {}
}
