package dev.mailleaks.rules;

import java.util.regex.Pattern;

/**
 * A multi-line secret, a key block above all, as the lines its owner wrote: without the quote marks and indentation
 * a reply adds, the prefix a log adds ({@link LogLinePrefix}) and trailing blanks; and a key block also when it was
 * written inside a JSON or code string with escaped line breaks ({@code "...-----\nMIIB...\n..."}, as in a cloud
 * service-account file) or split over string literals joined with {@code +}. The validators read keys from these
 * lines and the fingerprint is taken of them, so one key written any of these ways is one secret.
 */
public final class KeyBlockText {
  // an escaped line break, and in code the end of one string literal and the start of the next after it
  private static final Pattern ESCAPED_BREAK = Pattern.compile(
      "(?:\\\\r)?\\\\n(?:[\"'][ \\t]*+\\+?[ \\t]*+(?:\\r?\\n[ \\t]*+)?\\+?[ \\t]*+[\"'])?");
  // two string literals joined without an escaped break: "MIIB..." + "..." (base64 holds no quote)
  private static final Pattern LITERAL_JOIN = Pattern.compile(
      "[\"'][ \\t]*+(?:\\+[ \\t]*+(?:\\r?\\n[ \\t]*+)?|\\r?\\n[ \\t]*+\\+[ \\t]*+)[\"']");

  private KeyBlockText() {}

  /** A key block with escaped breaks and literal joins as line breaks and stray {@code \r} escapes gone, as {@link #lines}. */
  public static String asLines(String block) {
    String text = block;
    if (text.indexOf('\\') >= 0) {
      text = ESCAPED_BREAK.matcher(text).replaceAll("\n").replace("\\r", "");
    }
    if (text.indexOf('+') >= 0 && (text.indexOf('"') >= 0 || text.indexOf('\'') >= 0)) {
      text = LITERAL_JOIN.matcher(text).replaceAll("\n");
    }
    return lines(text);
  }

  /** Each line without a reply's quote marks and indentation, a log's prefix and trailing blanks; LF line ends. */
  public static String lines(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (String line : text.split("\r?\n", -1)) {
      int start = 0;
      while (start < line.length() && (line.charAt(start) == '>' || line.charAt(start) == ' ' || line.charAt(start) == '\t')) {
        start++;
      }
      if (out.length() > 0) out.append('\n');
      out.append(LogLinePrefix.strip(line.substring(start)).stripTrailing());
    }
    return out.toString();
  }
}
