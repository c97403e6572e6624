package dev.metricsagent.instrumentation.api;

import java.util.Arrays;
import java.util.List;

/**
 * Up to 64 byte strings searched for together, Horspool's way: a window as long as the shortest
 * fragment slides along the text, and the byte under its last position says how far it may jump
 * without passing over a place where a fragment could start. {@link ConstantPool} runs it over
 * every class the application loads, much of it before the JIT compiles it; with the JDBC and
 * servlet fragments (9 bytes and more) Tomcat's classes take half the time they took when every
 * byte was looked at, interpreted, and a quarter less compiled.
 */
final class Fragments {

  private final byte[][] fragments;
  /** The shortest fragment's length: the window. */
  private final int window;
  /**
   * For each byte value at the window's last position, how far the window may move: to the next
   * place where that byte could be part of some fragment's first {@code window} bytes.
   */
  private final int[] shift = new int[256];
  /** For each byte value, the bits of the fragments with that byte at {@code window - 1}. */
  private final long[] endingWith = new long[256];

  Fragments(List<byte[]> fragments) {
    if (fragments.size() > 64) {
      throw new IllegalArgumentException("at most 64 fragments, got " + fragments.size());
    }
    this.fragments = fragments.toArray(new byte[0][]);
    int shortest = Integer.MAX_VALUE;
    for (byte[] fragment : this.fragments) {
      if (fragment.length == 0) {
        throw new IllegalArgumentException("an empty fragment would match everything");
      }
      shortest = Math.min(shortest, fragment.length);
    }
    this.window = this.fragments.length == 0 ? 1 : shortest;
    Arrays.fill(shift, window);
    for (int f = 0; f < this.fragments.length; f++) {
      byte[] fragment = this.fragments[f];
      for (int i = 0; i < window - 1; i++) {
        shift[fragment[i] & 0xFF] = Math.min(shift[fragment[i] & 0xFF], window - 1 - i);
      }
      endingWith[fragment[window - 1] & 0xFF] |= 1L << f;
    }
  }

  int size() {
    return fragments.length;
  }

  /** Bit f set for every fragment f that occurs in {@code bytes[start, start + length)}. */
  long occurringIn(byte[] bytes, int start, int length) {
    int end = start + length;
    long found = 0;
    for (int last = start + window - 1; last < end; ) {
      int b = bytes[last] & 0xFF;
      long candidates = endingWith[b] & ~found;
      while (candidates != 0) {
        int f = Long.numberOfTrailingZeros(candidates);
        candidates &= candidates - 1;
        if (occursAt(bytes, last - window + 1, end, fragments[f])) {
          found |= 1L << f;
        }
      }
      last += shift[b];
    }
    return found;
  }

  private static boolean occursAt(byte[] bytes, int at, int end, byte[] fragment) {
    if (at + fragment.length > end) {
      return false;
    }
    for (int j = 0; j < fragment.length; j++) {
      if (bytes[at + j] != fragment[j]) {
        return false;
      }
    }
    return true;
  }
}
