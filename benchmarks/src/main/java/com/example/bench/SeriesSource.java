package com.example.bench;

/**
 * The methods that the scrape benchmark's method rules select; each returns its key's length.
 * Outside dev.metricsagent, which the agent never instruments.
 */
public final class SeriesSource {

  private SeriesSource() {}

  public static int counted(String key) {
    return key.length();
  }

  public static int timed(String key) {
    return key.length();
  }
}
