package dev.mailleaks.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Apple Mail's {@code .emlx}: a line with the message's byte count, the RFC 5322 message, then an XML property
 * list of flags, which is not mail and is not scanned. Partial {@code .partial.emlx} files are read the same way;
 * the attachments Apple Mail keeps beside them are separate files.
 */
final class EmlxReader implements MailboxReader {
  @Override
  public long read(InputStream in, String source, Limits limits, MailSink sink) throws IOException {
    StringBuilder count = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (b != '\r' && b != ' ') count.append((char) b);
    }
    long length;
    try {
      length = Long.parseLong(count.toString());
    } catch (NumberFormatException e) {
      throw new IOException("not an emlx file: first line is not a byte count");
    }
    long cap = Math.min(limits.maxMessageBytes(), Integer.MAX_VALUE - 16);
    byte[] message = in.readNBytes((int) Math.min(length, cap));
    if (length > cap) {
      sink.error(ErrorRecord.messageTooLarge(source, 1, limits));
    }
    sink.message(new RawMessage(new MessageOrigin(source, 1, -1), message));
    return 1;
  }

  /** An emlx file starts with a decimal byte count alone on its line, then a header. */
  static boolean looksLikeEmlx(byte[] head, int length) {
    int i = 0;
    while (i < length && i < 12 && head[i] >= '0' && head[i] <= '9') i++;
    if (i == 0 || i >= length) return false;
    while (i < length && i < 40 && head[i] == ' ') i++; // Apple Mail pads the count with spaces
    int lineEnd = head[i] == '\r' && i + 1 < length && head[i + 1] == '\n' ? i + 2 : head[i] == '\n' ? i + 1 : -1;
    if (lineEnd < 0) return false;
    String next = new String(head, lineEnd, Math.min(length - lineEnd, 200), StandardCharsets.ISO_8859_1);
    return next.matches("(?s)[!-9;-~]+:.*");
  }
}
