package dev.mailleaks.source;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Tells a stream's {@link Format} from its first bytes, not from its name. */
public final class Sniffer {
  /** Enough for the tar magic (offset 257) and a few header lines. */
  public static final int HEAD_BYTES = 8192;

  private static final Pattern HEADER_LINE = Pattern.compile("^[!-9;-~]+:.*");
  private static final Set<String> TYPICAL_HEADERS = Set.of(
      "from", "to", "cc", "subject", "date", "received", "message-id", "return-path", "mime-version",
      "delivered-to", "content-type", "reply-to", "sender", "x-mailer", "user-agent", "in-reply-to",
      "references", "x-original-to", "envelope-to", "thread-topic", "x-gm-thrid", "x-gmail-labels");

  private Sniffer() {}

  public static Format sniff(byte[] head, int length) {
    if (hasMagic(head, length, 0x1f, 0x8b)) return Format.GZIP;
    if (hasMagic(head, length, 'B', 'Z', 'h')) return Format.BZIP2;
    if (hasMagic(head, length, 0xfd, '7', 'z', 'X', 'Z', 0x00)) return Format.XZ;
    if (hasMagic(head, length, 0x28, 0xb5, 0x2f, 0xfd)) return Format.ZSTD;
    if (hasMagic(head, length, 'P', 'K', 3, 4) || hasMagic(head, length, 'P', 'K', 5, 6)
        || hasMagic(head, length, 'P', 'K', 7, 8)) {
      return Format.ZIP;
    }
    if (hasMagic(head, length, '7', 'z', 0xbc, 0xaf, 0x27, 0x1c)) return Format.SEVEN_Z;
    if (length > 262 && new String(head, 257, 5, StandardCharsets.ISO_8859_1).equals("ustar")) return Format.TAR;
    if (hasMagic(head, length, '!', 'B', 'D', 'N')) return Format.PST;
    if (hasMagic(head, length, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return Format.OLE2;
    if (hasMagic(head, length, 0x78, 0x9f, 0x3e, 0x22)) return Format.TNEF;
    if (EmlxReader.looksLikeEmlx(head, length)) return Format.EMLX;
    return sniffText(head, length);
  }

  private static Format sniffText(byte[] head, int length) {
    int start = 0;
    // A byte-order mark or blank lines before the first line are tolerated.
    if (hasMagic(head, length, 0xef, 0xbb, 0xbf)) start = 3;
    while (start < length && (head[start] == '\r' || head[start] == '\n')) start++;
    String text = new String(head, start, length - start, StandardCharsets.ISO_8859_1);
    String[] lines = text.split("\r?\n", 64);
    if (lines.length == 0) {
      return Format.UNKNOWN;
    }
    if (MboxSplitter.isSeparator(lines[0])) {
      return Format.MBOX;
    }
    if (!HEADER_LINE.matcher(lines[0]).matches()) {
      return Format.UNKNOWN;
    }
    // A header block: lines of "Name: value" or folded continuations, with at least one typical mail header.
    int typical = 0;
    for (String line : lines) {
      if (line.isEmpty()) break;
      if (line.charAt(0) == ' ' || line.charAt(0) == '\t') continue;
      if (!HEADER_LINE.matcher(line).matches()) return Format.UNKNOWN;
      String name = line.substring(0, line.indexOf(':')).toLowerCase(Locale.ROOT);
      if (TYPICAL_HEADERS.contains(name)) typical++;
    }
    return typical > 0 ? Format.MESSAGE : Format.UNKNOWN;
  }

  /** True if the first {@code length} bytes of {@code head} begin with {@code magic}. */
  public static boolean hasMagic(byte[] head, int length, int... magic) {
    if (length < magic.length) return false;
    for (int i = 0; i < magic.length; i++) {
      if ((head[i] & 0xff) != magic[i]) return false;
    }
    return true;
  }
}
