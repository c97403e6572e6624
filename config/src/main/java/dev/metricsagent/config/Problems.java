package dev.metricsagent.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of one load, so that the user can fix them all in one go. */
final class Problems {

  private final List<ConfigProblem> found = new ArrayList<>();

  void add(Location location, String keyPath, String message) {
    found.add(new ConfigProblem(location, keyPath, message));
  }

  int count() {
    return found.size();
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  /** In reading order: the file top to bottom, then agent arguments, system properties, environment. */
  List<ConfigProblem> inReadingOrder() {
    List<ConfigProblem> sorted = new ArrayList<>(found);
    sorted.sort(Comparator.comparing(ConfigProblem::sortKey)); // stable: same place keeps discovery order
    return sorted;
  }
}
