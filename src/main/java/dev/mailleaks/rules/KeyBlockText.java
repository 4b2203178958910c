package dev.mailleaks.rules;

import java.util.regex.Pattern;

/**
 * A key block (PEM and the like) as plain lines, however it was written down: inside a JSON or code string with
 * escaped line breaks ({@code "...-----\nMIIB...\n..."}, as in a cloud service-account file), split over string
 * literals joined with {@code +}, or printed into a log ({@link LogLinePrefix}). The validators read the key from
 * these lines, and the fingerprint is taken of them, so one key written any of these ways is one secret.
 */
public final class KeyBlockText {
  // an escaped line break, and in code the end of one string literal and the start of the next after it
  private static final Pattern ESCAPED_BREAK = Pattern.compile(
      "(?:\\\\r)?\\\\n(?:[\"'][ \\t]*+\\+?[ \\t]*+(?:\\r?\\n[ \\t]*+)?\\+?[ \\t]*+[\"'])?");
  // two string literals joined without an escaped break: "MIIB..." + "..." (base64 holds no quote)
  private static final Pattern LITERAL_JOIN = Pattern.compile(
      "[\"'][ \\t]*+(?:\\+[ \\t]*+(?:\\r?\\n[ \\t]*+)?|\\r?\\n[ \\t]*+\\+[ \\t]*+)[\"']");

  private KeyBlockText() {}

  /** The block with escaped breaks and literal joins as line breaks, stray {@code \r} escapes and log prefixes gone. */
  public static String asLines(String block) {
    String text = block;
    if (text.indexOf('\\') >= 0) {
      text = ESCAPED_BREAK.matcher(text).replaceAll("\n").replace("\\r", "");
    }
    if (text.indexOf('+') >= 0 && (text.indexOf('"') >= 0 || text.indexOf('\'') >= 0)) {
      text = LITERAL_JOIN.matcher(text).replaceAll("\n");
    }
    return LogLinePrefix.stripEachLine(text);
  }
}
