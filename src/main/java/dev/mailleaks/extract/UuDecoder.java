package dev.mailleaks.extract;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds and decodes inline uuencoded files ({@code begin 644 name} … {@code end}) in a text body. */
final class UuDecoder {
  /** A file found in a text body. */
  record UuFile(String name, byte[] content) {}

  private static final Pattern BEGIN = Pattern.compile("(?m)^begin [0-7]{3,4} ([^\\r\\n]+)\\r?$");

  private UuDecoder() {}

  /** Looks for the marker in the bytes first: most bodies have none, and need no copy as text. */
  static List<UuFile> find(byte[] body) {
    return containsBegin(body) ? find(new String(body, java.nio.charset.StandardCharsets.ISO_8859_1)) : List.of();
  }

  private static boolean containsBegin(byte[] body) {
    for (int i = 0; i + 6 <= body.length; i++) {
      if (body[i] == 'b' && body[i + 1] == 'e' && body[i + 2] == 'g' && body[i + 3] == 'i' && body[i + 4] == 'n'
          && body[i + 5] == ' ' && (i == 0 || body[i - 1] == '\n')) {
        return true;
      }
    }
    return false;
  }

  static List<UuFile> find(String text) {
    if (!text.contains("begin ")) {
      return List.of();
    }
    List<UuFile> files = new ArrayList<>();
    Matcher begin = BEGIN.matcher(text);
    int from = 0;
    while (begin.find(from)) {
      String name = begin.group(1).strip();
      ByteArrayOutputStream content = new ByteArrayOutputStream();
      int pos = begin.end();
      boolean ended = false;
      for (String line : text.substring(pos).split("\r?\n")) {
        pos += line.length() + 1;
        if (line.isEmpty()) continue;
        if (line.equals("end")) {
          ended = true;
          break;
        }
        if (!decodeLine(line, content)) break;
      }
      if (ended || content.size() > 0) {
        files.add(new UuFile(name, content.toByteArray()));
      }
      from = Math.min(pos, text.length());
    }
    return files;
  }

  private static boolean decodeLine(String line, ByteArrayOutputStream out) {
    int length = (line.charAt(0) - 32) & 0x3f;
    if (length == 0) {
      return true; // the "`" line before "end"
    }
    int needed = (length + 2) / 3 * 4;
    if (line.length() < 1 + needed - 3) {
      return false;
    }
    int written = 0;
    for (int i = 1; written < length; i += 4) {
      int c0 = sextet(line, i);
      int c1 = sextet(line, i + 1);
      int c2 = sextet(line, i + 2);
      int c3 = sextet(line, i + 3);
      int[] bytes = {(c0 << 2) | (c1 >> 4), ((c1 & 0xf) << 4) | (c2 >> 2), ((c2 & 0x3) << 6) | c3};
      for (int b = 0; b < 3 && written < length; b++, written++) {
        out.write(bytes[b] & 0xff);
      }
    }
    return true;
  }

  private static int sextet(String line, int index) {
    return index < line.length() ? (line.charAt(index) - 32) & 0x3f : 0;
  }
}
