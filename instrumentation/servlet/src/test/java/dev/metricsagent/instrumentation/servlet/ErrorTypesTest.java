package dev.metricsagent.instrumentation.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ErrorTypesTest {

  @Test
  void aThrownExceptionGivesItsSimpleName() {
    assertEquals("IllegalStateException", ErrorTypes.of(new IllegalStateException(), 500));
  }

  @Test
  void servletExceptionsAreUnwrappedToTheirCause() {
    Throwable jakarta = new jakarta.servlet.ServletException("Request processing failed", new ArithmeticException());
    Throwable javax = new javax.servlet.ServletException(new jakarta.servlet.ServletException(new UnsupportedOperationException()));
    assertEquals("ArithmeticException", ErrorTypes.of(jakarta, 500));
    assertEquals("UnsupportedOperationException", ErrorTypes.of(javax, 500));
    assertEquals("ServletException", ErrorTypes.of(new jakarta.servlet.ServletException("no cause"), 500));
  }

  @Test
  void otherWrappersAreKept() {
    assertEquals("RuntimeException", ErrorTypes.of(new RuntimeException(new ArithmeticException()), 500));
  }

  @Test
  void anonymousClassesGiveTheirBinaryName() {
    Throwable anonymous = new RuntimeException() {};
    assertEquals(anonymous.getClass().getName(), ErrorTypes.of(anonymous, 500));
  }

  @Test
  void withoutAnExceptionA5xxStatusIsTheErrorType() {
    assertEquals("503", ErrorTypes.of(null, 503));
    assertNull(ErrorTypes.of(null, 404));
    assertNull(ErrorTypes.of(null, 200));
  }
}
