package dev.metricsagent.instrumentation.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FragmentsTest {

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static Fragments of(String... fragments) {
    List<byte[]> bytes = new ArrayList<>();
    for (String fragment : fragments) {
      bytes.add(ascii(fragment));
    }
    return new Fragments(bytes);
  }

  @Test
  void findsFragmentsAtTheStartTheEndAndOverlapping() {
    Fragments fragments = of("java/sql/", "javax/sql/", "sql/Conn");
    byte[] text = ascii("java/sql/Connection;javax/sql/DataSource");

    assertEquals(0b111, fragments.occurringIn(text, 0, text.length));
    assertEquals(0b101, fragments.occurringIn(text, 0, 19)); // "java/sql/Connection"
    assertEquals(0b010, fragments.occurringIn(text, 20, 20)); // "javax/sql/DataSource"
    assertEquals(0, fragments.occurringIn(text, 0, 8)); // "java/sql", one byte short
  }

  @Test
  void aFragmentMustLieWithinTheRangeGiven() {
    Fragments fragments = of("service(");
    byte[] text = ascii("xservice(y");

    assertEquals(1, fragments.occurringIn(text, 1, 8));
    assertEquals(0, fragments.occurringIn(text, 1, 7));
    assertEquals(0, fragments.occurringIn(text, 2, 8));
  }

  /** The jumps never pass over an occurrence: the same answers as looking at every position. */
  @Test
  void answersAsASearchAtEveryPositionWould() {
    Random random = new Random(42);
    for (int round = 0; round < 2_000; round++) {
      List<byte[]> fragments = new ArrayList<>();
      for (int f = 1 + random.nextInt(6); f > 0; f--) {
        fragments.add(randomText(random, 1 + random.nextInt(8)));
      }
      byte[] text = randomText(random, random.nextInt(60));
      int start = text.length == 0 ? 0 : random.nextInt(text.length);
      int length = random.nextInt(text.length - start + 1);

      assertEquals(
          everyPosition(fragments, text, start, length),
          new Fragments(fragments).occurringIn(text, start, length),
          () -> "in " + new String(text, StandardCharsets.US_ASCII));
    }
  }

  /** Few letters, so that fragments occur, overlap and nearly occur often. */
  private static byte[] randomText(Random random, int length) {
    byte[] text = new byte[length];
    for (int i = 0; i < length; i++) {
      text[i] = (byte) "ajv/s(L".charAt(random.nextInt(7));
    }
    return text;
  }

  private static long everyPosition(List<byte[]> fragments, byte[] text, int start, int length) {
    long found = 0;
    for (int f = 0; f < fragments.size(); f++) {
      byte[] fragment = fragments.get(f);
      for (int at = start; at + fragment.length <= start + length; at++) {
        int j = 0;
        while (j < fragment.length && text[at + j] == fragment[j]) {
          j++;
        }
        if (j == fragment.length) {
          found |= 1L << f;
        }
      }
    }
    return found;
  }
}
