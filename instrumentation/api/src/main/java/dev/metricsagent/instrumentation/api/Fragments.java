package dev.metricsagent.instrumentation.api;

import java.util.List;

/**
 * Up to 64 byte strings searched for together: each byte of the text is looked up once in a
 * table of the fragments that start with it, so the cost of a search hardly grows with the
 * number of fragments. {@link ConstantPool} runs it over every class the application loads.
 */
final class Fragments {

  private final byte[][] fragments;
  /** For each byte value, the bits of the fragments that start with it. */
  private final long[] startingWith = new long[256];

  Fragments(List<byte[]> fragments) {
    if (fragments.size() > 64) {
      throw new IllegalArgumentException("at most 64 fragments, got " + fragments.size());
    }
    this.fragments = fragments.toArray(new byte[0][]);
    for (int f = 0; f < this.fragments.length; f++) {
      if (this.fragments[f].length == 0) {
        throw new IllegalArgumentException("an empty fragment would match everything");
      }
      startingWith[this.fragments[f][0] & 0xFF] |= 1L << f;
    }
  }

  int size() {
    return fragments.length;
  }

  /** Bit f set for every fragment f that occurs in {@code bytes[start, start + length)}. */
  long occurringIn(byte[] bytes, int start, int length) {
    int end = start + length;
    long found = 0;
    for (int i = start; i < end; i++) {
      long candidates = startingWith[bytes[i] & 0xFF] & ~found;
      while (candidates != 0) {
        int f = Long.numberOfTrailingZeros(candidates);
        candidates &= candidates - 1;
        if (occursAt(bytes, i, end, fragments[f])) {
          found |= 1L << f;
        }
      }
    }
    return found;
  }

  private static boolean occursAt(byte[] bytes, int at, int end, byte[] fragment) {
    if (at + fragment.length > end) {
      return false;
    }
    for (int j = 1; j < fragment.length; j++) {
      if (bytes[at + j] != fragment[j]) {
        return false;
      }
    }
    return true;
  }
}
