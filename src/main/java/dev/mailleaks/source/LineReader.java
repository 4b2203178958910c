package dev.mailleaks.source;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a byte stream line by line without decoding it, tracking each line's byte offset. Lines are views into
 * an internal buffer, valid until the next call; a line longer than the buffer comes in several chunks, of
 * which only the first is at a line start.
 */
final class LineReader {
  private final InputStream in;
  private final byte[] buffer;
  private int pos;
  private int limit;
  private boolean eof;
  private long consumedBefore; // stream offset of buffer[0]

  // The current line.
  byte[] lineBuffer;
  int lineStart;
  int lineLength;
  long lineOffset;
  boolean lineAtStart;
  private boolean previousComplete = true;

  LineReader(InputStream in, int bufferSize) {
    this.in = in;
    this.buffer = new byte[bufferSize];
  }

  /** Advances to the next line (or chunk); false at end of stream. */
  boolean next() throws IOException {
    int newline = indexOfNewline(pos);
    while (newline < 0 && !eof && !(pos == 0 && limit == buffer.length)) {
      fill();
      newline = indexOfNewline(pos);
    }
    if (pos >= limit) {
      return false;
    }
    int end = newline >= 0 ? newline + 1 : limit;
    lineBuffer = buffer;
    lineStart = pos;
    lineLength = end - pos;
    lineOffset = consumedBefore + pos;
    lineAtStart = previousComplete;
    previousComplete = newline >= 0;
    pos = end;
    return true;
  }

  /** Copies up to {@code count} raw bytes, not split into lines, to {@code sink}; returns how many. */
  long copyRaw(long count, ByteSink sink) throws IOException {
    long copied = 0;
    while (copied < count) {
      if (pos >= limit) {
        if (eof) break;
        fill();
        if (pos >= limit) break;
      }
      int n = (int) Math.min(limit - pos, count - copied);
      sink.write(buffer, pos, n);
      pos += n;
      copied += n;
    }
    previousComplete = copied == 0 || buffer[pos - 1] == '\n';
    return copied;
  }

  /** The stream offset of the next unread byte. */
  long position() {
    return consumedBefore + pos;
  }

  private int indexOfNewline(int from) {
    for (int i = from; i < limit; i++) {
      if (buffer[i] == '\n') return i;
    }
    return -1;
  }

  private void fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buffer, pos, buffer, 0, limit - pos);
      consumedBefore += pos;
      limit -= pos;
      pos = 0;
    }
    int n = in.read(buffer, limit, buffer.length - limit);
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
    }
  }
}
