package dev.mailleaks.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits an mbox stream into messages at byte level, in constant memory (one message at a time).
 *
 * <p>Handles the variants found in the wild: mboxo and mboxrd ({@code >From } lines lose one {@code >}, which
 * undoes both quotings), mboxcl/cl2 (a valid {@code Content-Length} header is trusted over {@code From } lines
 * in the body), CRLF or LF line ends. A body line that starts with "From " is a separator only if it looks
 * like one (an address then a date with a time and a year) and follows a blank line or precedes a header.
 */
public final class MboxSplitter {
  private static final int BUFFER_BYTES = 1 << 20;
  private static final Pattern SEPARATOR = Pattern.compile(
      "From \\S+ +.*\\b\\d{1,2}:\\d{2}(?::\\d{2})?\\b.*\\b(?:19|20)\\d{2}\\b.*");
  private static final Pattern HEADER_LINE = Pattern.compile("[!-9;-~]+:.*");
  private static final byte[] FROM = "From ".getBytes(StandardCharsets.US_ASCII);

  private final String source;
  private final Limits limits;
  private final MailSink sink;
  private final LineReader reader;
  private final ByteSink message;

  private long index;
  private long messageOffset = -1;
  private boolean inHeaders;
  private long contentLength = -1;
  private boolean previousBlank = true;

  /** The reader for {@link InputWalker}; each call splits one stream. */
  static final MailboxReader READER = MboxSplitter::split;

  private MboxSplitter(InputStream in, String source, Limits limits, MailSink sink) {
    this.source = source;
    this.limits = limits;
    this.sink = sink;
    this.reader = new LineReader(in, BUFFER_BYTES);
    this.message = new ByteSink(limits.maxMessageBytes());
  }

  /** Reads the whole stream, handing each message to {@code sink}; returns the number of messages. */
  public static long split(InputStream in, String source, Limits limits, MailSink sink) throws IOException {
    MboxSplitter splitter = new MboxSplitter(in, source, limits, sink);
    splitter.run();
    return splitter.index;
  }

  /** True if a line (without its line end) looks like an mbox separator line. */
  public static boolean isSeparator(String line) {
    return line.startsWith("From ") && SEPARATOR.matcher(stripCr(line)).matches();
  }

  private void run() throws IOException {
    String pendingSeparator = null; // a separator candidate not preceded by a blank line
    long pendingOffset = 0;
    while (reader.next()) {
      if (pendingSeparator != null) {
        boolean confirmed = reader.lineAtStart && HEADER_LINE.matcher(currentLine()).matches();
        if (confirmed) {
          startMessage(pendingOffset);
        } else {
          appendBody(pendingSeparator.getBytes(StandardCharsets.ISO_8859_1));
        }
        pendingSeparator = null;
      }
      if (reader.lineAtStart && startsWithFrom() && isSeparator(currentLine())) {
        if (messageOffset < 0 || previousBlank) {
          startMessage(reader.lineOffset);
          continue;
        }
        pendingSeparator = new String(reader.lineBuffer, reader.lineStart, reader.lineLength, StandardCharsets.ISO_8859_1);
        pendingOffset = reader.lineOffset;
        continue;
      }
      if (messageOffset < 0) {
        // Text before the first separator: keep it as a message of its own rather than drop it.
        messageOffset = 0;
        inHeaders = true;
      }
      handleLine();
    }
    if (pendingSeparator != null) {
      appendBody(pendingSeparator.getBytes(StandardCharsets.ISO_8859_1));
    }
    finishMessage(true);
  }

  private void handleLine() throws IOException {
    boolean blank = isBlank();
    if (inHeaders) {
      if (reader.lineAtStart && !blank) {
        String line = currentLine();
        if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
          contentLength = parseLength(line.substring(15));
        }
      }
      message.write(reader.lineBuffer, reader.lineStart, reader.lineLength);
      if (blank) {
        inHeaders = false;
        if (contentLength >= 0) {
          readCountedBody();
          return;
        }
      }
      previousBlank = blank;
      return;
    }
    appendLine();
    previousBlank = blank;
  }

  /** mboxcl/cl2: take the body's byte count on trust if the message then ends where it says. */
  private void readCountedBody() throws IOException {
    reader.copyRaw(contentLength, message);
    contentLength = -1;
    // Whatever follows is either a blank line and a separator, a separator, or (if the count lied) more body,
    // which the line loop then handles as usual.
    previousBlank = true;
  }

  private void appendLine() {
    int start = reader.lineStart;
    int length = reader.lineLength;
    // ">From ", ">>From ": remove one quoting level (mboxrd; for mboxo this undoes the only level).
    if (reader.lineAtStart && length > 5 && reader.lineBuffer[start] == '>') {
      int i = start;
      while (i < start + length && reader.lineBuffer[i] == '>') i++;
      if (regionEquals(reader.lineBuffer, i, start + length, FROM)) {
        start++;
        length--;
      }
    }
    message.write(reader.lineBuffer, start, length);
  }

  private void appendBody(byte[] bytes) {
    message.write(bytes, 0, bytes.length);
    previousBlank = false;
  }

  private void startMessage(long offset) {
    finishMessage(false);
    messageOffset = offset;
    inHeaders = true;
    contentLength = -1;
    previousBlank = false;
  }

  private void finishMessage(boolean atEnd) {
    if (messageOffset < 0) {
      return;
    }
    if (!atEnd) {
      dropSeparatorBlankLine();
    }
    index++;
    if (message.truncated()) {
      sink.error(ErrorRecord.messageTooLarge(source, index, limits));
    }
    if (message.size() > 0 || message.truncated()) {
      sink.message(new RawMessage(new MessageOrigin(source, index, messageOffset), message.toByteArray()));
    } else {
      index--; // an empty leading chunk (blank lines before the first separator) is not a message
    }
    message.reset();
    messageOffset = -1;
  }

  /** The blank line before a separator belongs to the mbox format, not to the message. */
  private void dropSeparatorBlankLine() {
    int size = message.size();
    if (size >= 2 && message.byteAt(size - 1) == '\n') {
      if (message.byteAt(size - 2) == '\n') {
        message.truncateTo(size - 1);
      } else if (size >= 4 && message.byteAt(size - 2) == '\r' && message.byteAt(size - 3) == '\n'
          && message.byteAt(size - 4) == '\r') {
        message.truncateTo(size - 2);
      }
    }
  }

  private boolean startsWithFrom() {
    return regionEquals(reader.lineBuffer, reader.lineStart, reader.lineStart + reader.lineLength, FROM);
  }

  private boolean isBlank() {
    int n = reader.lineLength;
    byte[] b = reader.lineBuffer;
    int s = reader.lineStart;
    return reader.lineAtStart && (n == 1 && b[s] == '\n' || n == 2 && b[s] == '\r' && b[s + 1] == '\n');
  }

  private String currentLine() {
    int n = reader.lineLength;
    while (n > 0 && (reader.lineBuffer[reader.lineStart + n - 1] == '\n' || reader.lineBuffer[reader.lineStart + n - 1] == '\r')) {
      n--;
    }
    return new String(reader.lineBuffer, reader.lineStart, Math.min(n, 4096), StandardCharsets.ISO_8859_1);
  }

  private static boolean regionEquals(byte[] b, int from, int to, byte[] expected) {
    if (to - from < expected.length) return false;
    for (int i = 0; i < expected.length; i++) {
      if (b[from + i] != expected[i]) return false;
    }
    return true;
  }

  private static long parseLength(String value) {
    try {
      long n = Long.parseLong(value.trim().toLowerCase(Locale.ROOT));
      return n >= 0 ? n : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String stripCr(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }
}
