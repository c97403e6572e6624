package dev.metricsagent.agent.exporter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The few protobuf wire-format primitives the Prometheus exposition format needs. Nested
 * messages are encoded into their own encoder first, because a length prefix comes before
 * the bytes it measures.
 */
final class ProtobufEncoder {

  private static final int VARINT = 0;
  private static final int FIXED64 = 1;
  private static final int LENGTH_DELIMITED = 2;

  private byte[] buffer = new byte[256];
  private int size;

  void string(int field, String value) {
    if (value == null || value.isEmpty()) {
      return;
    }
    bytes(field, value.getBytes(StandardCharsets.UTF_8));
  }

  /** Always written, even when 0: Prometheus tells zero from absent for these fields. */
  void doubleValue(int field, double value) {
    tag(field, FIXED64);
    long bits = Double.doubleToRawLongBits(value);
    for (int i = 0; i < 8; i++) {
      put((byte) (bits >>> (8 * i)));
    }
  }

  void uint64(int field, long value) {
    tag(field, VARINT);
    varint(value);
  }

  void sint64(int field, long value) {
    tag(field, VARINT);
    varint((value << 1) ^ (value >> 63));
  }

  void sint32(int field, int value) {
    sint64(field, value);
  }

  void enumValue(int field, int value) {
    uint64(field, value);
  }

  void message(int field, ProtobufEncoder nested) {
    tag(field, LENGTH_DELIMITED);
    varint(nested.size);
    put(nested.buffer, nested.size);
  }

  /** Writes this message prefixed with its length, as in {@code encoding=delimited}. */
  void writeDelimitedTo(OutputStream out) throws IOException {
    ProtobufEncoder prefix = new ProtobufEncoder();
    prefix.varint(size);
    out.write(prefix.buffer, 0, prefix.size);
    out.write(buffer, 0, size);
  }

  private void bytes(int field, byte[] value) {
    tag(field, LENGTH_DELIMITED);
    varint(value.length);
    put(value, value.length);
  }

  private void tag(int field, int wireType) {
    varint(((long) field << 3) | wireType);
  }

  private void varint(long value) {
    while ((value & ~0x7FL) != 0) {
      put((byte) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    put((byte) value);
  }

  private void put(byte b) {
    ensure(1);
    buffer[size++] = b;
  }

  private void put(byte[] bytes, int length) {
    ensure(length);
    System.arraycopy(bytes, 0, buffer, size, length);
    size += length;
  }

  private void ensure(int extra) {
    if (size + extra > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
    }
  }
}
