package dev.metricsagent.instrumentation.api;

/**
 * Reads the UTF-8 entries of a class file's constant pool in place (JVMS 4.4), where every class
 * name, method name and descriptor a class uses is written once. Anything unexpected answers
 * "yes, it may mention it", so a damaged or future class file is handed on, never skipped.
 */
final class ConstantPool {

  private static final int UTF8 = 1;
  private static final int INTEGER = 3;
  private static final int FLOAT = 4;
  private static final int LONG = 5;
  private static final int DOUBLE = 6;
  private static final int CLASS = 7;
  private static final int STRING = 8;
  private static final int FIELD_REF = 9;
  private static final int METHOD_REF = 10;
  private static final int INTERFACE_METHOD_REF = 11;
  private static final int NAME_AND_TYPE = 12;
  private static final int METHOD_HANDLE = 15;
  private static final int METHOD_TYPE = 16;
  private static final int DYNAMIC = 17;
  private static final int INVOKE_DYNAMIC = 18;
  private static final int MODULE = 19;
  private static final int PACKAGE = 20;

  private ConstantPool() {}

  /** Whether any of the fragments occurs in any UTF-8 entry. */
  static boolean mentionsAny(byte[] classFile, Fragments fragments) {
    return scan(classFile, fragments, true) != 0;
  }

  /**
   * Bit i is set when fragment i occurs in some UTF-8 entry (at most 64 fragments). With {@code
   * firstHitIsEnough}, stops at the first hit. A damaged class file sets every bit.
   */
  static long scan(byte[] classFile, Fragments fragments, boolean firstHitIsEnough) {
    long all = fragments.size() == 64 ? -1L : (1L << fragments.size()) - 1;
    long found = 0;
    try {
      int count = u2(classFile, 8);
      int offset = 10;
      for (int index = 1; index < count; index++) {
        int tag = classFile[offset] & 0xFF;
        switch (tag) {
          case UTF8:
            int length = u2(classFile, offset + 1);
            found |= fragments.occurringIn(classFile, offset + 3, length);
            if (found != 0 && (firstHitIsEnough || found == all)) {
              return found;
            }
            offset += 3 + length;
            break;
          case CLASS:
          case STRING:
          case METHOD_TYPE:
          case MODULE:
          case PACKAGE:
            offset += 3;
            break;
          case METHOD_HANDLE:
            offset += 4;
            break;
          case INTEGER:
          case FLOAT:
          case FIELD_REF:
          case METHOD_REF:
          case INTERFACE_METHOD_REF:
          case NAME_AND_TYPE:
          case DYNAMIC:
          case INVOKE_DYNAMIC:
            offset += 5;
            break;
          case LONG:
          case DOUBLE:
            offset += 9;
            index++; // takes two slots
            break;
          default:
            return all;
        }
      }
      return found;
    } catch (ArrayIndexOutOfBoundsException damaged) {
      return all;
    }
  }

  private static int u2(byte[] bytes, int offset) {
    return ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
  }
}
