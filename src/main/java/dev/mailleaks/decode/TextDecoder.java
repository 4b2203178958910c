package dev.mailleaks.decode;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Bytes to text: a byte-order mark first, then the declared charset if the bytes are valid in it, then UTF-8,
 * UTF-16 without a mark, and windows-1252, which accepts any byte. Mail often declares no charset, or the
 * wrong one; a secret must survive either.
 */
public final class TextDecoder {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private TextDecoder() {}

  public static String decode(byte[] bytes, String declaredCharset) {
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
      return lenient(bytes, 3, StandardCharsets.UTF_8);
    }
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
      return lenient(bytes, 2, StandardCharsets.UTF_16LE);
    }
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
      return lenient(bytes, 2, StandardCharsets.UTF_16BE);
    }
    Charset declared = charset(declaredCharset);
    if (declared != null && isUtf16(declared)) {
      return lenient(bytes, 0, declared);
    }
    if (declared == null) {
      Charset utf16 = guessUtf16(bytes);
      if (utf16 != null) {
        return lenient(bytes, 0, utf16);
      }
    }
    // UTF-8 first: ASCII is valid UTF-8, and undeclared or mislabelled 8-bit mail is most often UTF-8. A
    // single-byte declaration accepts any bytes, so valid multi-byte UTF-8 overrides it.
    if (declared == null || declared.equals(StandardCharsets.UTF_8) || declared.equals(StandardCharsets.US_ASCII)
        || isSingleByte(declared)) {
      String utf8 = strict(bytes, StandardCharsets.UTF_8);
      if (utf8 != null) {
        return utf8;
      }
    }
    if (declared != null) {
      String text = strict(bytes, declared);
      if (text != null) {
        return text;
      }
    }
    return new String(bytes, WINDOWS_1252);
  }

  /** UTF-16 text of mostly Latin script has a zero byte in every other position. */
  public static Charset guessUtf16(byte[] bytes) {
    int sample = Math.min(bytes.length, 4096) & ~1;
    if (sample < 4) {
      return null;
    }
    int evenZeros = 0;
    int oddZeros = 0;
    for (int i = 0; i < sample; i += 2) {
      if (bytes[i] == 0) evenZeros++;
      if (bytes[i + 1] == 0) oddZeros++;
    }
    int pairs = sample / 2;
    if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.1) return StandardCharsets.UTF_16LE;
    if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.1) return StandardCharsets.UTF_16BE;
    return null;
  }

  private static Charset charset(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String clean = name.trim().replace("\"", "").toLowerCase(Locale.ROOT);
    try {
      return Charset.forName(clean);
    } catch (IllegalArgumentException e) {
      return null; // unknown or malformed: fall back to guessing
    }
  }

  private static boolean isUtf16(Charset charset) {
    return charset.name().startsWith("UTF-16") || charset.name().startsWith("UTF-32");
  }

  private static final java.util.Map<Charset, Boolean> SINGLE_BYTE = new java.util.concurrent.ConcurrentHashMap<>();

  private static boolean isSingleByte(Charset charset) {
    return SINGLE_BYTE.computeIfAbsent(charset, c -> c.canEncode() && c.newEncoder().maxBytesPerChar() == 1.0f);
  }

  private static String strict(byte[] bytes, Charset charset) {
    if (charset.equals(StandardCharsets.UTF_8)) {
      // The String constructor is far faster than a CharsetDecoder; it marks invalid input with U+FFFD, and
      // only then is the strict check needed (the bytes may also have held a genuine U+FFFD).
      String fast = new String(bytes, StandardCharsets.UTF_8);
      if (fast.indexOf('\uFFFD') < 0) {
        return fast;
      }
    }
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
      return chars.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static String lenient(byte[] bytes, int offset, Charset charset) {
    return new String(bytes, offset, bytes.length - offset, charset);
  }
}
