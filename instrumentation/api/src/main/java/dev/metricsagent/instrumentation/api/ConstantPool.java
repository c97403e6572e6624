package dev.metricsagent.instrumentation.api;

/**
 * Reads the UTF-8 entries of a class file's constant pool in place (JVMS 4.4), where every class
 * name, method name and descriptor a class uses is written once, and where each entry starts,
 * for {@link DeclaredMethods}. Anything unexpected answers "yes, it may mention it", so a damaged
 * or future class file is handed on, never skipped.
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

  /**
   * The bytes an entry takes, its tag included, by tag; 0 for a tag this reader does not know.
   * A UTF-8 entry's is its header: its length in bytes follows.
   */
  private static final int[] SIZES = sizes();

  private ConstantPool() {}

  private static int[] sizes() {
    int[] sizes = new int[PACKAGE + 1];
    sizes[UTF8] = 3;
    sizes[CLASS] = sizes[STRING] = sizes[METHOD_TYPE] = sizes[MODULE] = sizes[PACKAGE] = 3;
    sizes[METHOD_HANDLE] = 4;
    sizes[INTEGER] = sizes[FLOAT] = sizes[NAME_AND_TYPE] = 5;
    sizes[FIELD_REF] = sizes[METHOD_REF] = sizes[INTERFACE_METHOD_REF] = 5;
    sizes[DYNAMIC] = sizes[INVOKE_DYNAMIC] = 5;
    sizes[LONG] = sizes[DOUBLE] = 9;
    return sizes;
  }

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
        if (tag == UTF8) {
          int length = u2(classFile, offset + 1);
          found |= fragments.occurringIn(classFile, offset + 3, length);
          if (found != 0 && (firstHitIsEnough || found == all)) {
            return found;
          }
          offset += 3 + length;
          continue;
        }
        int size = tag < SIZES.length ? SIZES[tag] : 0;
        if (size == 0) {
          return all;
        }
        offset += size;
        if (tag == LONG || tag == DOUBLE) {
          index++; // takes two slots
        }
      }
      return found;
    } catch (ArrayIndexOutOfBoundsException damaged) {
      return all;
    }
  }

  /**
   * Where each entry starts, by index ({@code 1} to {@code count - 1}; the second slot of a long
   * or double is 0), and at index 0 the offset just past the pool. Null for a damaged class file.
   */
  static int[] offsets(byte[] classFile) {
    try {
      int count = u2(classFile, 8);
      int[] offsets = new int[count];
      int offset = 10;
      for (int index = 1; index < count; index++) {
        offsets[index] = offset;
        int tag = classFile[offset] & 0xFF;
        int size = tag < SIZES.length ? SIZES[tag] : 0;
        if (size == 0) {
          return null;
        }
        offset += tag == UTF8 ? size + u2(classFile, offset + 1) : size;
        if (tag == LONG || tag == DOUBLE) {
          index++;
        }
      }
      offsets[0] = offset;
      return offsets;
    } catch (ArrayIndexOutOfBoundsException | NegativeArraySizeException damaged) {
      return null;
    }
  }

  static int u2(byte[] bytes, int offset) {
    return ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
  }
}
