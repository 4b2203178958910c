package dev.mailleaks.decode;

/**
 * Text without the escape sequences terminals interpret (colours, cursor moves, window titles), which build and
 * service logs keep when saved and mailed: {@code ESC[93msk-…ESC[0m} would otherwise glue the colour code's
 * letter to the secret and hide it from rules that need a boundary before it. Control sequences (CSI), operating
 * system commands (OSC, ended by BEL or ESC \) and two-character escapes are removed; line breaks are kept, so
 * line numbers stay those of the file.
 */
final class TerminalEscapes {
  private static final char ESC = '\u001b';

  private TerminalEscapes() {}

  static String strip(String text) {
    int esc = text.indexOf(ESC);
    if (esc < 0) {
      return text; // nearly all text: one vectorized search
    }
    StringBuilder out = new StringBuilder(text.length());
    int from = 0;
    while (esc >= 0) {
      out.append(text, from, esc);
      from = sequenceEnd(text, esc);
      esc = text.indexOf(ESC, from);
    }
    return out.append(text, from, text.length()).toString();
  }

  /** The index just after the escape sequence starting at {@code esc}. */
  private static int sequenceEnd(String text, int esc) {
    int n = text.length();
    int i = esc + 1;
    if (i >= n) {
      return n;
    }
    char kind = text.charAt(i);
    if (kind == '[') { // CSI: parameters and intermediates, then one final character in @..~
      i++;
      while (i < n && text.charAt(i) >= 0x20 && text.charAt(i) <= 0x3f) i++;
      return i < n && text.charAt(i) >= 0x40 && text.charAt(i) <= 0x7e ? i + 1 : i;
    }
    if (kind == ']') { // OSC: up to BEL or ESC \, never past the line
      for (i++; i < n; i++) {
        char c = text.charAt(i);
        if (c == '\u0007') return i + 1;
        if (c == ESC && i + 1 < n && text.charAt(i + 1) == '\\') return i + 2;
        if (c == '\n') return i;
      }
      return n;
    }
    return kind >= 0x20 && kind <= 0x7e ? i + 1 : i; // ESC and one character (ESC c, ESC 7), or a lone ESC
  }
}
