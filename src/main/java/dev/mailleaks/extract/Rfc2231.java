package dev.mailleaks.extract;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 2231 parameter values ({@code filename*=UTF-8''r%C3%A9sum%C3%A9.pdf}, and continuations
 * {@code filename*0*=…; filename*1*=…}), which Mime4j's field parsers leave undecoded.
 */
final class Rfc2231 {
  private static final Pattern PARAMETER = Pattern.compile(
      "(?i);\\s*([a-z0-9_-]+)\\*(?:(\\d+)(\\*)?|())\\s*=\\s*(\"[^\"]*\"|[^;\\s]*)");

  private Rfc2231() {}

  /** The decoded value of an RFC 2231 parameter {@code name*} in a header body, or null if absent. */
  static String parameter(String headerBody, String name) {
    Map<Integer, String[]> sections = new TreeMap<>();
    Matcher m = PARAMETER.matcher(headerBody.replaceAll("\r?\n[ \t]", " "));
    while (m.find()) {
      if (!m.group(1).equalsIgnoreCase(name)) continue;
      int index = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
      boolean encoded = m.group(2) == null || m.group(3) != null;
      String value = m.group(5);
      if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) {
        value = value.substring(1, value.length() - 1);
      }
      sections.put(index, new String[] {value, encoded ? "*" : ""});
    }
    if (sections.isEmpty()) {
      return null;
    }
    Charset charset = StandardCharsets.UTF_8;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    boolean first = true;
    for (String[] section : sections.values()) {
      String value = section[0];
      boolean encoded = !section[1].isEmpty();
      if (first && encoded) {
        String[] pieces = value.split("'", 3);
        if (pieces.length == 3) {
          charset = charsetOrUtf8(pieces[0]);
          value = pieces[2];
        }
      }
      first = false;
      if (encoded) {
        percentDecode(value, bytes);
      } else {
        bytes.writeBytes(value.getBytes(StandardCharsets.ISO_8859_1));
      }
    }
    return bytes.toString(charset);
  }

  private static void percentDecode(String value, ByteArrayOutputStream out) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%' && i + 2 < value.length()) {
        int hi = Character.digit(value.charAt(i + 1), 16);
        int lo = Character.digit(value.charAt(i + 2), 16);
        if (hi >= 0 && lo >= 0) {
          out.write(hi * 16 + lo);
          i += 2;
          continue;
        }
      }
      out.write(c < 256 ? c : '?');
    }
  }

  private static Charset charsetOrUtf8(String name) {
    try {
      return name.isBlank() ? StandardCharsets.UTF_8 : Charset.forName(name.trim().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }
}
