package dev.metricsagent.instrumentation.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class PathNormalizerTest {

  @Test
  void numericSegmentsBecomeId() {
    assertEquals("/owners/{id}/pets/{id}", PathNormalizer.normalize("/owners/42/pets/7"));
  }

  @Test
  void uuidSegmentsBecomeId() {
    assertEquals(
        "/orders/{id}", PathNormalizer.normalize("/orders/123e4567-E89B-12d3-a456-426614174000"));
  }

  @Test
  void longHexSegmentsBecomeId() {
    assertEquals("/commits/{id}", PathNormalizer.normalize("/commits/9fceb02d0ae598e95dc970b74767f19372d61af8"));
  }

  @Test
  void shortHexAndWordsStay() {
    assertEquals("/cafe/deadbeef/abcdefabcdefabcdef", PathNormalizer.normalize("/cafe/deadbeef/abcdefabcdefabcdef"));
  }

  @Test
  void mixedSegmentsStay() {
    assertEquals("/v2/item-42/report2024.pdf", PathNormalizer.normalize("/v2/item-42/report2024.pdf"));
  }

  @Test
  void pathParametersAreDropped() {
    assertEquals("/owners/{id}/edit", PathNormalizer.normalize("/owners/42;jsessionid=ABC/edit;x=1"));
  }

  @Test
  void aPathWithNothingToReplaceIsReturnedAsItIs() {
    String path = "/owners/find";
    assertSame(path, PathNormalizer.normalize(path));
  }

  @Test
  void trailingAndRootSlashesAreKept() {
    assertEquals("/", PathNormalizer.normalize("/"));
    assertEquals("/owners/{id}/", PathNormalizer.normalize("/owners/1/"));
    assertEquals("/", PathNormalizer.normalize(""));
    assertEquals("/", PathNormalizer.normalize(null));
  }
}
