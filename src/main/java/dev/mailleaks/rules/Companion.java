package dev.mailleaks.rules;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a rule {@code requires:} near its secret before reporting it: a second regex (an access key id next to a
 * secret key, an account SID next to an auth token) that must match within a distance of the secret in the same
 * text. Either {@code withinLines} or {@code withinChars} is set, the other is {@link #UNSET}.
 *
 * @param withinLines the companion starts or ends at most this many lines before or after the secret's lines
 * @param withinChars the companion lies within this many characters before the secret's start or after its end
 */
public record Companion(Pattern pattern, int withinLines, int withinChars) {
  public static final int UNSET = -1;

  public Companion {
    Objects.requireNonNull(pattern, "pattern");
    if ((withinLines == UNSET) == (withinChars == UNSET) || withinLines < UNSET || withinChars < UNSET) {
      throw new IllegalArgumentException("a companion needs exactly one of within_lines and within_chars, >= 0");
    }
  }

  public static Companion withinLines(Pattern pattern, int lines) {
    return new Companion(pattern, lines, UNSET);
  }

  public static Companion withinChars(Pattern pattern, int chars) {
    return new Companion(pattern, UNSET, chars);
  }

  /**
   * True if the pattern matches in {@code text} near the secret at [start, end), other than inside the secret
   * itself (a secret is not its own companion).
   */
  public boolean presentNear(CharSequence text, int start, int end) {
    int from;
    int to;
    if (withinChars != UNSET) {
      from = Math.max(0, start - withinChars);
      to = (int) Math.min(text.length(), (long) end + withinChars);
    } else {
      from = lineStartBefore(text, start, withinLines);
      to = lineEndAfter(text, end, withinLines);
    }
    java.util.regex.Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    m.region(from, to);
    while (m.find()) {
      if (m.start() < start || m.end() > end) {
        return true;
      }
      if (m.end() >= to) {
        break;
      }
      m.region(m.start() + 1, to);
    }
    return false;
  }

  /** The start of the line {@code lines} lines above the one holding {@code at}. */
  private static int lineStartBefore(CharSequence text, int at, int lines) {
    int p = at;
    for (int crossed = 0; ; ) {
      while (p > 0 && text.charAt(p - 1) != '\n') p--;
      if (p == 0 || crossed == lines) return p;
      p--; // onto the previous line's '\n'
      crossed++;
    }
  }

  /** The end of the line {@code lines} lines below the one holding {@code at}. */
  private static int lineEndAfter(CharSequence text, int at, int lines) {
    int p = at;
    int n = text.length();
    for (int crossed = 0; ; ) {
      while (p < n && text.charAt(p) != '\n') p++;
      if (p == n || crossed == lines) return p;
      p++;
      crossed++;
    }
  }
}
