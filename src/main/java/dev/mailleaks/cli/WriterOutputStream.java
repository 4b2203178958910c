package dev.mailleaks.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Bytes (UTF-8) onto picocli's output writer, so that reports written as bytes still go where tests capture
 * them. Not closing the writer: stdout outlives the command.
 */
final class WriterOutputStream extends OutputStream {
  private final PrintWriter writer;
  private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();

  WriterOutputStream(PrintWriter writer) {
    this.writer = writer;
  }

  @Override
  public void write(int b) {
    pending.write(b);
    if (b == '\n' && pending.size() > 8192) {
      flush();
    }
  }

  @Override
  public void write(byte[] b, int off, int len) {
    pending.write(b, off, len);
    if (pending.size() > 8192) {
      flush();
    }
  }

  @Override
  public void flush() {
    // Only whole UTF-8 sequences are decoded: keep a trailing partial sequence for the next write.
    byte[] bytes = pending.toByteArray();
    int end = completeLength(bytes);
    writer.write(new String(bytes, 0, end, StandardCharsets.UTF_8));
    writer.flush();
    pending.reset();
    pending.write(bytes, end, bytes.length - end);
  }

  @Override
  public void close() {
    flush();
  }

  private static int completeLength(byte[] bytes) {
    int i = bytes.length - 1;
    int back = 0;
    while (i >= 0 && back < 4 && (bytes[i] & 0xc0) == 0x80) {
      i--;
      back++;
    }
    if (i < 0) return bytes.length;
    int lead = bytes[i] & 0xff;
    int need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
    return back + 1 >= need ? bytes.length : i;
  }
}
