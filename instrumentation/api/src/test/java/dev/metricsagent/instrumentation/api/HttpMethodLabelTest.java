package dev.metricsagent.instrumentation.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HttpMethodLabelTest {

  @Test
  void standardMethodsAreKept() {
    for (String method : new String[] {"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"}) {
      assertEquals(method, HttpMethodLabel.of(method));
    }
  }

  @Test
  void anythingElseIsOther() {
    assertEquals("_OTHER", HttpMethodLabel.of("PROPFIND"));
    assertEquals("_OTHER", HttpMethodLabel.of("get")); // methods are case-sensitive
    assertEquals("_OTHER", HttpMethodLabel.of(null));
  }
}
