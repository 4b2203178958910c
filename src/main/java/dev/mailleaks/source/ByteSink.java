package dev.mailleaks.source;

import java.util.Arrays;

/** A growable byte array that stops keeping bytes past a cap, remembering that it did. */
final class ByteSink {
  private byte[] bytes = new byte[8192];
  private int size;
  private final long cap;
  private boolean truncated;

  ByteSink(long cap) {
    this.cap = Math.min(cap, Integer.MAX_VALUE - 16);
  }

  void write(byte[] b, int off, int len) {
    int room = (int) Math.min(len, cap - size);
    if (room < len) {
      truncated = true;
    }
    if (room <= 0) {
      return;
    }
    if (size + room > bytes.length) {
      bytes = Arrays.copyOf(bytes, (int) Math.min(cap, Math.max(size + room, (long) bytes.length * 2)));
    }
    System.arraycopy(b, off, bytes, size, room);
    size += room;
  }

  int size() {
    return size;
  }

  byte byteAt(int index) {
    return bytes[index];
  }

  void truncateTo(int newSize) {
    size = newSize;
  }

  boolean truncated() {
    return truncated;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  void reset() {
    size = 0;
    truncated = false;
    if (bytes.length > (1 << 20)) {
      bytes = new byte[8192]; // give a huge message's buffer back to the heap
    }
  }
}
