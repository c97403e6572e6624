package dev.metricsagent.instrumentation.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HttpMethodsTest {

  @Test
  void standardMethodsAreKept() {
    for (String method : new String[] {"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"}) {
      assertEquals(method, HttpMethods.label(method));
    }
  }

  @Test
  void anythingElseIsOther() {
    assertEquals("_OTHER", HttpMethods.label("PROPFIND"));
    assertEquals("_OTHER", HttpMethods.label("get")); // methods are case-sensitive
    assertEquals("_OTHER", HttpMethods.label(null));
  }
}
