package dev.metricsagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MethodPatternTest {

  @Test
  void aNameAloneMatchesAnyParameters() {
    MethodPattern pattern = MethodPattern.parse("get*");

    assertFalse(pattern.constrainsParameters());
    assertEquals(List.of(), pattern.parameterTypes());
    assertTrue(pattern.matches("getUser", List.of()));
    assertTrue(pattern.matches("getUser", List.of("java.lang.String", "int")));
    assertFalse(pattern.matches("setUser", List.of()));
  }

  @Test
  void parameterTypesMustMatchExactlyAndInOrder() {
    MethodPattern pattern = MethodPattern.parse("find(java.lang.String, int)");

    assertTrue(pattern.constrainsParameters());
    assertEquals(List.of("java.lang.String", "int"), pattern.parameterTypes());
    assertTrue(pattern.matches("find", List.of("java.lang.String", "int")));
    assertFalse(pattern.matches("find", List.of("int", "java.lang.String")));
    assertFalse(pattern.matches("find", List.of("java.lang.String")));
    assertFalse(pattern.matches("find", List.of("java.lang.String", "long")));
  }

  @Test
  void emptyParenthesesMeanNoParameters() {
    MethodPattern pattern = MethodPattern.parse("close()");

    assertTrue(pattern.matches("close", List.of()));
    assertFalse(pattern.matches("close", List.of("boolean")));
  }

  @Test
  void arraysAndNestedTypesAreWrittenAsClassGetTypeNameWritesThem() {
    MethodPattern pattern = MethodPattern.of("put", List.of("java.util.Map$Entry", "byte[][]", "java.lang.String[]"));

    assertTrue(pattern.matches("put", List.of("java.util.Map$Entry", "byte[][]", "java.lang.String[]")));
    assertEquals("put(java.util.Map$Entry, byte[][], java.lang.String[])", pattern.toString());
  }

  @Test
  void whitespaceAroundParameterTypesIsIgnored() {
    assertEquals(List.of("int", "long"), MethodPattern.parse("sum( int ,long )").parameterTypes());
  }

  @Test
  void invalidMethodPatternsExplainWhatIsWrong() {
    assertEquals("expected a method pattern such as get* or find(java.lang.String, int), got 'find(int':"
        + " the parameter list must end with ')'",
        assertThrows(IllegalArgumentException.class, () -> MethodPattern.parse("find(int")).getMessage());
    assertEquals("expected a method pattern such as get* or find(java.lang.String, int), got 'find)': ')' without"
        + " '('", assertThrows(IllegalArgumentException.class, () -> MethodPattern.parse("find)")).getMessage());
    assertEquals("expected a parameter type such as java.lang.String, int or byte[], got 'List<String>':"
        + " parameters are matched by their erased type, write 'List'",
        assertThrows(IllegalArgumentException.class, () -> MethodPattern.parse("f(List<String>)")).getMessage());
    assertEquals("expected a parameter type such as java.lang.String, int or byte[], got ''",
        assertThrows(IllegalArgumentException.class, () -> MethodPattern.parse("f(int,)")).getMessage());
    assertEquals("expected a parameter type such as java.lang.String, int or byte[], got 'Payment': write the fully"
        + " qualified name",
        assertThrows(IllegalArgumentException.class, () -> MethodPattern.parse("pay(Payment)")).getMessage());
  }
}
