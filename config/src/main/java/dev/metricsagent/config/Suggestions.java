package dev.metricsagent.config;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean ...?" for misspelt keys and names. */
final class Suggestions {

  private static final int MAX_DISTANCE = 2;
  private static final int SHORTEST_PREFIX = 3;
  private static final int SHARED_START = 5;

  private Suggestions() {}

  /**
   * The candidate closest to what was written: within two edits (a swap of neighbours counts as
   * one); failing that, one that starts with it, that it starts with, or that shares its first
   * five characters ("params" for "parameters"). Null when nothing is close.
   */
  static String closest(String written, Collection<String> candidates) {
    String lowerWritten = written.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      String lowerCandidate = candidate.toLowerCase(Locale.ROOT);
      int distance = distance(lowerWritten, lowerCandidate);
      if (distance > MAX_DISTANCE && startsAlike(lowerWritten, lowerCandidate)) {
        distance = MAX_DISTANCE + 1;
      } else if (distance > MAX_DISTANCE) {
        continue;
      }
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }

  /**
   * "unknown key 'prot'; did you mean 'port'? Valid keys here: enabled, host, port, path"; the
   * suggestion is left out when nothing is close.
   *
   * @param what what was not recognised: "key", "system property", ...
   * @param candidates the names to suggest from
   * @param validList how to tell the user what is valid: "Valid keys here: enabled, host, port, path"
   */
  static String unknown(String what, String written, Collection<String> candidates, String validList) {
    StringBuilder message = new StringBuilder("unknown ").append(what).append(' ').append(Found.quoted(written));
    String suggestion = closest(written, candidates);
    if (suggestion != null) {
      message.append("; did you mean '").append(suggestion).append("'? ");
    } else {
      message.append("; ");
    }
    return message.append(validList).toString();
  }

  private static boolean startsAlike(String a, String b) {
    boolean prefix = Math.min(a.length(), b.length()) >= SHORTEST_PREFIX && (a.startsWith(b) || b.startsWith(a));
    return prefix || (a.length() >= SHARED_START && b.startsWith(a.substring(0, SHARED_START)));
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
