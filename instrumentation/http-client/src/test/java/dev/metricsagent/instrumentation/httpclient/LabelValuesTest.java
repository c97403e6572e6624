package dev.metricsagent.instrumentation.httpclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.metricsagent.instrumentation.api.HttpMethodLabel;
import org.junit.jupiter.api.Test;

class LabelValuesTest {

  @Test
  void standardMethodsAreKeptAndOthersAreOther() {
    assertEquals("GET", HttpMethodLabel.of("GET"));
    assertEquals("PATCH", HttpMethodLabel.of("PATCH"));
    assertEquals("_OTHER", HttpMethodLabel.of("PROPFIND"));
    assertEquals("_OTHER", HttpMethodLabel.of("get"));
    assertEquals("_OTHER", HttpMethodLabel.of(null));
  }

  @Test
  void statusCodesAreTextAndNoResponseIsNoLabel() {
    assertEquals("200", StatusCodeLabel.of(200));
    assertSame(StatusCodeLabel.of(404), StatusCodeLabel.of(404));
    assertEquals("999", StatusCodeLabel.of(999));
    assertNull(StatusCodeLabel.of(0));
  }

  @Test
  void aPortSeenBeforeReusesItsText() {
    PortLabel ports = new PortLabel();
    assertEquals("8443", ports.of(8443));
    assertSame(ports.of(8443), ports.of(8443));
    assertEquals("443", ports.of(443));
    assertEquals("699", ports.of(699)); // same slot as 443: replaced, still right
    assertEquals("443", ports.of(443));
    assertNull(ports.of(-1));
  }

  @Test
  void rateLimitHeadersAreNonNegativeIntegers() {
    assertEquals(4999, HeaderNumber.parse("4999"));
    assertEquals(0, HeaderNumber.parse(" 0 "));
    assertEquals(-1, HeaderNumber.parse("12.5"));
    assertEquals(-1, HeaderNumber.parse("-3"));
    assertEquals(-1, HeaderNumber.parse(""));
    assertEquals(-1, HeaderNumber.parse(null));
  }
}
