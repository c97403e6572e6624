package dev.metricsagent.instrumentation.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The names of a class's direct super class and interfaces, read from its class file in place. */
public final class SuperTypeNames {

  private static final int CLASS = 7;
  private static final int UTF8 = 1;

  private SuperTypeNames() {}

  /**
   * Internal names ({@code a/b/C}): the super class first (none for {@code java/lang/Object}),
   * then the interfaces in declaration order. Null for a damaged class file.
   */
  public static List<String> of(byte[] classFile) {
    int[] pool = ConstantPool.offsets(classFile);
    if (pool == null) {
      return null;
    }
    try {
      int offset = pool[0] + 4; // access flags, this class
      List<String> names = new ArrayList<>();
      int superClass = ConstantPool.u2(classFile, offset);
      if (superClass != 0) {
        names.add(className(classFile, pool, superClass));
      }
      int interfaces = ConstantPool.u2(classFile, offset + 2);
      for (int i = 0; i < interfaces; i++) {
        names.add(className(classFile, pool, ConstantPool.u2(classFile, offset + 4 + 2 * i)));
      }
      return names;
    } catch (RuntimeException damaged) {
      return null;
    }
  }

  private static String className(byte[] classFile, int[] pool, int index) {
    int entry = pool[index];
    if (entry == 0 || classFile[entry] != CLASS) {
      throw new IllegalArgumentException("not a class entry: " + index);
    }
    int name = pool[ConstantPool.u2(classFile, entry + 1)];
    if (name == 0 || classFile[name] != UTF8) {
      throw new IllegalArgumentException("not a UTF-8 entry");
    }
    // Class names are ASCII in practice; modified UTF-8 decodes like UTF-8 for everything else
    // a name can hold but NUL and supplementary characters, which only make the cache key differ.
    return new String(classFile, name + 3, ConstantPool.u2(classFile, name + 1), StandardCharsets.UTF_8);
  }
}
