package dev.metricsagent.instrumentation.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class ErrorTypesTest {

  @Test
  void theErrorTypeIsTheExceptionClassSimpleName() {
    assertEquals("IllegalStateException", ErrorTypes.of(new IllegalStateException()));
    assertEquals("UncheckedIOException", ErrorTypes.of(new UncheckedIOException(new java.io.IOException())));
  }

  @Test
  void nestedExceptionsDropTheirEnclosingClass() {
    assertEquals("Retry", ErrorTypes.simpleName("com.example.Client$Retry"));
  }

  @Test
  void anonymousExceptionsKeepANonEmptyName() {
    assertEquals("Client$1", ErrorTypes.simpleName("com.example.Client$1"));
    assertEquals("ErrorTypesTest$1", ErrorTypes.of(new RuntimeException() {}));
  }
}
