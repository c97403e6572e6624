package dev.metricsagent.instrumentation.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class HttpMethodLabelTest {

  @Test
  void standardMethodsAreKept() {
    for (String method : new String[] {"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"}) {
      // A new String, as a container hands over; the label is the constant itself.
      assertSame(method, HttpMethodLabel.of(new String(method.toCharArray())));
    }
  }

  @Test
  void anythingElseIsOther() {
    assertEquals("_OTHER", HttpMethodLabel.of("PROPFIND"));
    assertEquals("_OTHER", HttpMethodLabel.of("get")); // methods are case-sensitive
    assertEquals("_OTHER", HttpMethodLabel.of(null));
    assertEquals("_OTHER", HttpMethodLabel.of("GOT")); // a standard method's length, not its name
    assertEquals("_OTHER", HttpMethodLabel.of(""));
  }
}
