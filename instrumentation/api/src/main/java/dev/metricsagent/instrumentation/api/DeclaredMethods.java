package dev.metricsagent.instrumentation.api;

/**
 * Reads a class file's own methods in place (JVMS 4.1, 4.6): whether a class, not an interface,
 * declares a method with code whose name and descriptor begin a certain way. This is what the
 * servlet and JDBC type matchers ask first, answered without Byte Buddy: the constant pool alone
 * also counts the methods a class only calls. Anything unexpected answers "yes", so a damaged or
 * future class file is handed on, never skipped.
 */
final class DeclaredMethods {

  private static final int ACC_INTERFACE = 0x0200;
  private static final int ACC_ABSTRACT = 0x0400;
  private static final int UTF8 = 1;

  private DeclaredMethods() {}

  /**
   * @param signatures the beginnings of the method's name immediately followed by its descriptor,
   *     in ASCII: {@code "execute"} for every method whose name starts so, {@code
   *     "service(Ljavax/servlet/ServletRequest;Ljavax/servlet/ServletResponse;)"} for one
   */
  static boolean anyConcrete(byte[] classFile, byte[][] signatures) {
    int[] pool = ConstantPool.offsets(classFile);
    if (pool == null) {
      return true;
    }
    try {
      int offset = pool[0];
      if ((ConstantPool.u2(classFile, offset) & ACC_INTERFACE) != 0) {
        return false;
      }
      offset += 6; // access flags, this class, super class
      offset += 2 + 2 * ConstantPool.u2(classFile, offset); // interfaces
      int fields = ConstantPool.u2(classFile, offset);
      offset += 2;
      for (int i = 0; i < fields; i++) {
        offset = skipMember(classFile, offset);
      }
      int methods = ConstantPool.u2(classFile, offset);
      offset += 2;
      for (int i = 0; i < methods; i++) {
        int access = ConstantPool.u2(classFile, offset);
        if ((access & ACC_ABSTRACT) == 0
            && startsWithAny(
                classFile,
                utf8(classFile, pool, ConstantPool.u2(classFile, offset + 2)),
                utf8(classFile, pool, ConstantPool.u2(classFile, offset + 4)),
                signatures)) {
          return true;
        }
        offset = skipMember(classFile, offset);
      }
      return false;
    } catch (RuntimeException damaged) {
      return true;
    }
  }

  /** Past a field or method: access, name, descriptor, then its attributes. */
  private static int skipMember(byte[] classFile, int offset) {
    int attributes = ConstantPool.u2(classFile, offset + 6);
    offset += 8;
    for (int i = 0; i < attributes; i++) {
      offset += 6 + u4(classFile, offset + 2);
    }
    return offset;
  }

  /** The offset of a UTF-8 entry's length field; throws for any other entry, as damage. */
  private static int utf8(byte[] classFile, int[] pool, int index) {
    int offset = pool[index];
    if (offset == 0 || classFile[offset] != UTF8) {
      throw new IllegalArgumentException("not a UTF-8 entry: " + index);
    }
    return offset + 1;
  }

  private static boolean startsWithAny(
      byte[] classFile, int name, int descriptor, byte[][] signatures) {
    for (byte[] signature : signatures) {
      if (startsWith(classFile, name, descriptor, signature)) {
        return true;
      }
    }
    return false;
  }

  /** Whether name + descriptor, two UTF-8 entries read in place, start with the signature. */
  private static boolean startsWith(byte[] classFile, int name, int descriptor, byte[] signature) {
    int nameLength = ConstantPool.u2(classFile, name);
    int descriptorLength = ConstantPool.u2(classFile, descriptor);
    if (signature.length > nameLength + descriptorLength) {
      return false;
    }
    for (int i = 0; i < signature.length; i++) {
      byte actual =
          i < nameLength
              ? classFile[name + 2 + i]
              : classFile[descriptor + 2 + i - nameLength];
      if (actual != signature[i]) {
        return false;
      }
    }
    return true;
  }

  private static int u4(byte[] bytes, int offset) {
    return (ConstantPool.u2(bytes, offset) << 16) | ConstantPool.u2(bytes, offset + 2);
  }
}
