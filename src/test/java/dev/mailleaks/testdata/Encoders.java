package dev.mailleaks.testdata;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** Hand-written transfer encodings, so that the fixtures control every byte. All output uses \n line ends. */
final class Encoders {

  private Encoders() {
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] latin1(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  static boolean isAscii(String s) {
    return s.chars().allMatch(c -> c < 128);
  }

  /** Base64 in lines of {@code width} characters, each ending with \n. */
  static String base64(byte[] data, int width) {
    return FakeSecrets.wrap(Base64.getEncoder().encodeToString(data), width);
  }

  /** Quoted-printable (RFC 2045) of {@code text} in {@code cs}; soft line breaks keep lines at most 76 long. */
  static String quotedPrintable(String text, Charset cs) {
    StringBuilder out = new StringBuilder();
    String[] lines = text.split("\n", -1);
    for (int li = 0; li < lines.length; li++) {
      byte[] b = lines[li].getBytes(cs);
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < b.length; i++) {
        int c = b[i] & 0xff;
        boolean last = i == b.length - 1;
        String enc;
        if ((c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last)) {
          enc = String.valueOf((char) c);
        } else {
          enc = String.format(Locale.ROOT, "=%02X", c);
        }
        if (line.length() + enc.length() > 75) {
          out.append(line).append("=\n");
          line.setLength(0);
        }
        line.append(enc);
      }
      out.append(line);
      if (li < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  /** One RFC 2047 "B" encoded word. */
  static String encodedWordB(String text) {
    return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(utf8(text)) + "?=";
  }

  /** One RFC 2047 "Q" encoded word: space as '_', '_' '=' '?' and non-ASCII as =XX. */
  static String encodedWordQ(String text) {
    StringBuilder sb = new StringBuilder("=?UTF-8?Q?");
    for (byte x : utf8(text)) {
      int c = x & 0xff;
      if (c == ' ') {
        sb.append('_');
      } else if (c > 32 && c < 127 && c != '_' && c != '=' && c != '?' && c != '"') {
        sb.append((char) c);
      } else {
        sb.append(String.format(Locale.ROOT, "=%02X", c));
      }
    }
    return sb.append("?=").toString();
  }

  /** RFC 2231 extended value: UTF-8''percent-encoded. */
  static String rfc2231(String value) {
    StringBuilder sb = new StringBuilder("UTF-8''");
    for (byte x : utf8(value)) {
      int c = x & 0xff;
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (alnum || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        sb.append((char) c);
      } else {
        sb.append(String.format(Locale.ROOT, "%%%02X", c));
      }
    }
    return sb.toString();
  }

  /** uuencode block: "begin 644 name" ... "`" "end", with \n line ends. */
  static String uuencode(String name, byte[] data) {
    StringBuilder sb = new StringBuilder("begin 644 ").append(name).append('\n');
    for (int off = 0; off < data.length; off += 45) {
      int n = Math.min(45, data.length - off);
      sb.append(uuChar(n));
      for (int i = 0; i < n; i += 3) {
        int b0 = data[off + i] & 0xff;
        int b1 = i + 1 < n ? data[off + i + 1] & 0xff : 0;
        int b2 = i + 2 < n ? data[off + i + 2] & 0xff : 0;
        sb.append(uuChar(b0 >> 2)).append(uuChar(((b0 << 4) | (b1 >> 4)) & 0x3f))
            .append(uuChar(((b1 << 2) | (b2 >> 6)) & 0x3f)).append(uuChar(b2 & 0x3f));
      }
      sb.append('\n');
    }
    return sb.append("`\nend\n").toString();
  }

  private static char uuChar(int v) {
    return v == 0 ? '`' : (char) (v + 32);
  }

  /** iCalendar / vCard line folding: at most 75 octets per line, continuation lines start with one space. */
  static List<String> fold(String line) {
    List<String> out = new ArrayList<>();
    int limit = 75;
    String rest = line;
    while (rest.length() > limit) {
      out.add(rest.substring(0, limit));
      rest = " " + rest.substring(limit);
    }
    out.add(rest);
    return out;
  }

  /** Turns every lone \n into \r\n. */
  static byte[] crlf(byte[] lf) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(lf.length + lf.length / 40);
    for (int i = 0; i < lf.length; i++) {
      if (lf[i] == '\n' && (i == 0 || lf[i - 1] != '\r')) {
        out.write('\r');
      }
      out.write(lf[i]);
    }
    return out.toByteArray();
  }

  static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
