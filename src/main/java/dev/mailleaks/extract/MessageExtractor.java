package dev.mailleaks.extract;

import dev.mailleaks.extract.PartContent.RawText;
import dev.mailleaks.extract.PartContent.TextFormat;
import dev.mailleaks.source.ErrorKind;
import dev.mailleaks.source.Limits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.field.ContentDispositionField;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.field.LenientFieldParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;

/**
 * Walks one message's MIME tree with Mime4j's pull parser, decoding transfer encodings, and passes every part on
 * with its IMAP-style section path ({@code 1}, {@code 2.1}, {@code 3.headers}). Thread-safe: all state of a walk
 * lives in a {@link Walk}.
 */
public final class MessageExtractor {
  private static final MimeConfig CONFIG = new MimeConfig.Builder()
      .setStrictParsing(false)
      .setMaxLineLen(-1)
      .setMaxHeaderLen(-1)
      .setMaxHeaderCount(-1)
      .setMaxContentLen(-1)
      .setMalformedHeaderStartsBody(true)
      .build();

  private static final java.util.Set<String> IDENTITY_HEADERS = java.util.Set.of("message-id", "from", "sender", "reply-to", "to", "cc", "date", "subject");
  private static final java.util.regex.Pattern FOLD = java.util.regex.Pattern.compile("\r?\n[ \t]");

  private final Limits limits;
  private final AttachmentRouter router;

  public MessageExtractor(Limits limits, DocumentExtractor documents) {
    this.limits = limits;
    this.router = new AttachmentRouter(this, documents);
  }

  Limits limits() {
    return limits;
  }

  /** Extracts every part of a top-level message into {@code sink}; returns its headers. */
  public MessageHeaders extract(byte[] message, PartSink sink) {
    Walk walk = new Walk(sink, limits.maxPartsPerMessage(), limits.maxDepth());
    walkMessage(walk, message, "", 0);
    return walk.headers == null ? MessageHeaders.NONE : walk.headers;
  }

  /** Only the headers of a message: its body is not parsed. */
  public MessageHeaders headers(byte[] message) {
    MimeTokenStream stream = new MimeTokenStream(CONFIG, DecodeMonitor.SILENT, null);
    stream.parse(new ByteArrayInputStream(message));
    List<Field> fields = new ArrayList<>();
    try {
      for (EntityState state = stream.getState(); state != EntityState.T_END_HEADER
          && state != EntityState.T_END_OF_STREAM; state = stream.next()) {
        if (state == EntityState.T_FIELD) {
          fields.add(stream.getField());
        }
      }
    } catch (MimeException | IOException | RuntimeException e) {
      // what was read of the header is what there is
    }
    Walk walk = new Walk(NO_PARTS, 0, 0);
    headers(walk, fields, "", 0);
    return walk.headers == null ? MessageHeaders.NONE : walk.headers;
  }

  private static final PartSink NO_PARTS = new PartSink() {
    @Override
    public void content(PartContent content) {}

    @Override
    public void problem(String part, ErrorKind kind, String reason) {}

    @Override
    public void skipped(String part, String reason) {}
  };

  /** The state of one top-level message's extraction, shared by its nested messages and containers. */
  static final class Walk {
    private final PartSink sink;
    private final int maxParts;
    private final int maxDepth;
    private int parts;
    private boolean partLimitReported;
    private MessageHeaders headers;

    Walk(PartSink sink, int maxParts, int maxDepth) {
      this.sink = sink;
      this.maxParts = maxParts;
      this.maxDepth = maxDepth;
    }

    PartSink sink() {
      return sink;
    }

    /** Counts one more part; false (and one error record) once the message has too many. */
    boolean countPart(String path) {
      if (++parts <= maxParts) {
        return true;
      }
      if (!partLimitReported) {
        partLimitReported = true;
        sink.problem(path, ErrorKind.LIMIT_PARTS, "more than " + maxParts + " parts; the rest of the message was not scanned");
      }
      return false;
    }

    /** False (and an error record) if entering a container or embedded message would nest too deep. */
    boolean enter(String path, int depth) {
      if (depth <= maxDepth) {
        return true;
      }
      sink.problem(path, ErrorKind.LIMIT_DEPTH, "nested deeper than " + maxDepth + " containers or messages");
      return false;
    }

  }

  void walkMessage(Walk walk, byte[] message, String prefix, int depth) {
    byte[] bytes = withoutEnvelopeLine(message);
    TruncationMonitor monitor = new TruncationMonitor();
    // No descriptor builder: Mime4j then uses its light fallback one (no JavaCC parser per Content-Type field).
    MimeTokenStream stream = new MimeTokenStream(CONFIG, monitor, null);
    stream.setRecursionMode(RecursionMode.M_NO_RECURSE);
    stream.parse(new ByteArrayInputStream(bytes));
    Deque<int[]> childCounters = new ArrayDeque<>();
    Deque<String> multipartSections = new ArrayDeque<>();
    Deque<String> entitySections = new ArrayDeque<>();
    List<Field> fields = new ArrayList<>();
    boolean rootHeader = true;
    String current = prefix + "headers";
    String rootBoundary = null;
    try {
      for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
        switch (state) {
          case T_START_HEADER -> fields.clear();
          case T_FIELD -> fields.add(stream.getField());
          case T_END_HEADER -> {
            if (rootHeader) {
              rootHeader = false;
              headers(walk, fields, prefix, depth);
            }
          }
          case T_START_MULTIPART -> {
            if (entitySections.isEmpty()) {
              rootBoundary = stream.getBodyDescriptor().getBoundary();
            }
            multipartSections.push(entitySections.isEmpty() ? "" : entitySections.peek());
            childCounters.push(new int[1]);
          }
          case T_END_MULTIPART -> {
            multipartSections.pop();
            childCounters.pop();
          }
          case T_START_BODYPART -> {
            int index = ++childCounters.peek()[0];
            String parent = multipartSections.peek();
            entitySections.push(parent.isEmpty() ? Integer.toString(index) : parent + "." + index);
          }
          case T_END_BODYPART -> entitySections.pop();
          case T_BODY -> {
            String section = entitySections.isEmpty() ? "1" : entitySections.peek();
            current = prefix + section;
            body(walk, current, stream.getBodyDescriptor(), List.copyOf(fields), stream, depth);
          }
          default -> { }
        }
      }
      if (monitor.truncated && rootBoundary != null && !contains(bytes, "--" + rootBoundary + "--")) {
        walk.sink.problem(current, ErrorKind.CORRUPT_MESSAGE,
            "the message ends inside a part (cut off, or its closing boundary is missing); what was readable was scanned");
      }
    } catch (MimeException | IOException | RuntimeException e) {
      walk.sink.problem(current, ErrorKind.CORRUPT_MESSAGE, "MIME structure unreadable: " + dev.mailleaks.source.ErrorRecord.describe(e)
          + "; the raw message was scanned as text instead");
      // Nothing may be lost to a parser failure: the undecoded bytes still hold any plain-text secret.
      walk.sink.content(new RawText(prefix + "raw", bytes, null, TextFormat.PLAIN));
    }
  }

  /**
   * A message that starts with an mbox envelope line ({@code From sender date}, or {@code >From } as readpst
   * writes attached messages) would have its header taken for body: the line is dropped.
   */
  static byte[] withoutEnvelopeLine(byte[] message) {
    int i = 0;
    while (i < message.length && message[i] == '>') i++;
    if (message.length - i < 5 || message[i] != 'F' || message[i + 1] != 'r' || message[i + 2] != 'o'
        || message[i + 3] != 'm' || message[i + 4] != ' ') {
      return message;
    }
    int newline = i;
    while (newline < message.length && message[newline] != '\n') newline++;
    if (newline >= message.length) {
      return message;
    }
    String line = new String(message, i, newline - i, StandardCharsets.ISO_8859_1).strip();
    return dev.mailleaks.source.MboxSplitter.isSeparator(line)
        ? java.util.Arrays.copyOfRange(message, newline + 1, message.length) : message;
  }

  /** Mime4j reports a premature end of a body part as a warning; a responder wants to know the mail was cut. */
  private static final class TruncationMonitor extends DecodeMonitor {
    boolean truncated;

    @Override
    public boolean warn(String message, String action) {
      if (message != null && message.contains("Body part ended prematurely")) {
        truncated = true;
      }
      return false;
    }

    @Override
    public boolean isListening() {
      return true;
    }
  }

  private static boolean contains(byte[] haystack, String needle) {
    byte[] n = needle.getBytes(StandardCharsets.ISO_8859_1);
    outer:
    for (int i = haystack.length - n.length; i >= 0; i--) { // the closing delimiter is near the end
      for (int j = 0; j < n.length; j++) {
        if (haystack[i + j] != n[j]) continue outer;
      }
      return true;
    }
    return false;
  }

  private void headers(Walk walk, List<Field> fields, String prefix, int depth) {
    String messageId = "", from = "", sender = "", replyTo = "", to = "", cc = "", date = "", subject = "";
    StringBuilder scanned = new StringBuilder();
    for (Field field : fields) {
      String name = field.getName();
      String lower = name.toLowerCase(Locale.ROOT);
      boolean written = HeaderPolicy.isWrittenByPeople(lower);
      if (!written && !IDENTITY_HEADERS.contains(lower)) {
        continue; // trace and signature fields: neither reported nor scanned, so not decoded
      }
      String value = decode(field.getBody());
      switch (lower) {
        case "message-id" -> messageId = value.strip();
        case "from" -> from = value.strip();
        case "sender" -> sender = value.strip();
        case "reply-to" -> replyTo = value.strip();
        case "to" -> to = value.strip();
        case "cc" -> cc = value.strip();
        case "date" -> date = value.strip();
        case "subject" -> subject = value.strip();
        default -> { }
      }
      if (written) {
        scanned.append(name).append(": ").append(value).append('\n');
      }
    }
    if (depth == 0 && walk.headers == null) {
      walk.headers = new MessageHeaders(messageId, from, sender, replyTo, to, cc, date, subject);
    }
    if (scanned.length() > 0) {
      walk.sink.content(new PartContent.ExtractedText(prefix + "headers", scanned.toString()));
    }
  }

  private void body(Walk walk, String path, BodyDescriptor descriptor, List<Field> fields, MimeTokenStream stream,
      int depth) throws IOException {
    if (!walk.countPart(path)) {
      return;
    }
    String mimeType = descriptor.getMimeType() == null ? "" : descriptor.getMimeType().toLowerCase(Locale.ROOT);
    if (mimeType.startsWith("image/") || mimeType.startsWith("audio/") || mimeType.startsWith("video/")) {
      // Skipped unread: decoding them would cost as much as all the text of a typical mailbox.
      String fileName = fileName(fields);
      walk.sink.skipped(fileName == null ? path : path + "/" + fileName,
          mimeType.startsWith("image/") ? "image" : "audio or video");
      return;
    }
    byte[] bytes = decodedBody(walk, path, descriptor, stream);
    String fileName = fileName(fields);
    if (mimeType.equals("message/rfc822") || mimeType.equals("message/global")) {
      if (walk.enter(path, depth + 1)) {
        walkMessage(walk, bytes, path + ".", depth + 1);
      }
      return;
    }
    boolean inlineText = fileName == null && (mimeType.equals("text/plain") || mimeType.isEmpty());
    if (inlineText) {
      walk.sink.content(new RawText(path, bytes, descriptor.getCharset(), plainFormat(fields)));
      for (UuDecoder.UuFile file : UuDecoder.find(bytes)) {
        String filePath = path + "/" + file.name();
        if (walk.countPart(filePath)) {
          router.route(walk, file.content(), filePath, file.name(), null, depth);
        }
      }
    } else if (fileName == null && mimeType.equals("text/html")) {
      walk.sink.content(new RawText(path, bytes, descriptor.getCharset(), TextFormat.HTML));
    } else {
      router.route(walk, bytes, fileName == null ? path : path + "/" + fileName, fileName, mimeType,
          descriptor.getCharset(), depth);
    }
  }

  /**
   * The part's decoded bytes, at most the part limit. Base64, most of mail's bulk, is decoded by the JDK's
   * intrinsic decoder; only input it rejects (broken padding, stray '=') goes through Mime4j's lenient one.
   * Quoted-printable is decoded in one pass over the raw bytes; other encodings by Mime4j's streams.
   */
  private byte[] decodedBody(Walk walk, String path, BodyDescriptor descriptor, MimeTokenStream stream)
      throws IOException {
    int limit = (int) Math.min(limits.maxPartBytes(), Integer.MAX_VALUE - 16);
    byte[] bytes = null;
    boolean more;
    if ("base64".equalsIgnoreCase(descriptor.getTransferEncoding())) {
      InputStream raw = stream.getInputStream();
      byte[] encoded = raw.readNBytes((int) Math.min((long) limit / 3 * 4 + 4, Integer.MAX_VALUE - 16));
      more = raw.read() >= 0;
      try {
        bytes = Base64.getDecoder().decode(withoutWhitespace(encoded));
      } catch (IllegalArgumentException e) {
        bytes = new Base64InputStream(new ByteArrayInputStream(encoded), DecodeMonitor.SILENT).readNBytes(limit);
      }
    } else if ("quoted-printable".equalsIgnoreCase(descriptor.getTransferEncoding())) {
      InputStream raw = stream.getInputStream();
      bytes = QuotedPrintable.decode(raw.readNBytes(limit));
      more = raw.read() >= 0;
    } else {
      InputStream content = stream.getDecodedInputStream();
      bytes = content.readNBytes(limit);
      more = content.read() >= 0;
    }
    if (more) {
      walk.sink.problem(path, ErrorKind.LIMIT_SIZE,
          "part larger than " + limits.maxPartBytes() + " bytes after decoding; only the start was scanned");
    }
    return bytes;
  }

  /** Base64 without its line breaks, for the JDK's basic decoder (faster than its MIME one, which scans twice). */
  private static byte[] withoutWhitespace(byte[] encoded) {
    byte[] out = new byte[encoded.length];
    int n = 0;
    for (byte b : encoded) {
      if (b != '\n' && b != '\r' && b != ' ' && b != '\t') {
        out[n++] = b;
      }
    }
    return n == out.length ? out : java.util.Arrays.copyOf(out, n);
  }

  private static TextFormat plainFormat(List<Field> fields) {
    for (Field field : fields) {
      // Parsing a field is costly; most Content-Type fields say nothing of format=flowed.
      if (field.getName().equalsIgnoreCase("Content-Type") && containsIgnoreCase(field.getBody(), "flowed")) {
        ContentTypeField type = (ContentTypeField) LenientFieldParser.getParser().parse(field, DecodeMonitor.SILENT);
        String format = type.getParameter("format");
        if ("flowed".equalsIgnoreCase(format)) {
          return "yes".equalsIgnoreCase(type.getParameter("delsp")) ? TextFormat.FLOWED_DELSP : TextFormat.FLOWED;
        }
      }
    }
    return TextFormat.PLAIN;
  }

  /** The part's file name: Content-Disposition's {@code filename}, else Content-Type's {@code name}. */
  static String fileName(List<Field> fields) {
    String fromType = null;
    for (Field field : fields) {
      String name = field.getName();
      if (name.equalsIgnoreCase("Content-Disposition")) {
        ContentDispositionField disposition =
            (ContentDispositionField) LenientFieldParser.getParser().parse(field, DecodeMonitor.SILENT);
        String fileName = disposition.getFilename();
        if (fileName == null) {
          fileName = Rfc2231.parameter(field.getBody(), "filename");
        }
        if (fileName != null && !fileName.isBlank()) {
          return clean(fileName);
        }
      } else if (name.equalsIgnoreCase("Content-Type") && containsIgnoreCase(field.getBody(), "name")) {
        ContentTypeField type = (ContentTypeField) LenientFieldParser.getParser().parse(field, DecodeMonitor.SILENT);
        String fileName = type.getParameter("name");
        if (fileName == null) {
          fileName = Rfc2231.parameter(field.getBody(), "name");
        }
        if (fileName != null && !fileName.isBlank()) {
          fromType = clean(fileName);
        }
      }
    }
    return fromType;
  }

  private static boolean containsIgnoreCase(String text, String word) {
    return text.regionMatches(true, 0, word, 0, 0) && text.toLowerCase(Locale.ROOT).contains(word);
  }

  private static String clean(String fileName) {
    String decoded = decode(fileName).strip();
    // Paths in part names use '/' and '!' as separators; a file name's own path is not wanted.
    int slash = Math.max(decoded.lastIndexOf('/'), decoded.lastIndexOf('\\'));
    return decoded.substring(slash + 1);
  }

  static String decode(String headerValue) {
    String unfolded = headerValue.indexOf('\n') < 0 ? headerValue : FOLD.matcher(headerValue).replaceAll(" ");
    return headerValue.contains("=?") ? DecoderUtil.decodeEncodedWords(unfolded, DecodeMonitor.SILENT) : unfolded;
  }
}
