package dev.mailleaks.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a log puts before each line it records, so that a key block printed into a build or service log (and pasted
 * into a mail) reads as the key: BuildKit's step and elapsed time ({@code #6 0.245 }) or a timestamp
 * ({@code 2026-04-26 12:36:01 }, {@code 2026-04-26T12:36:01.1234567Z }). Neither can start a line of base64, so
 * removing them never changes a key's own lines. The PEM rules allow the same prefixes in their patterns.
 */
final class LogLinePrefix {
  private static final Pattern PREFIX = Pattern.compile(
      "#\\d{1,4} \\d{1,6}\\.\\d{1,3} |\\d{4}-\\d\\d-\\d\\d[ T]\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d{1,9})?(?:Z|[+-]\\d\\d:?\\d\\d)?[ \\t]+");

  private LogLinePrefix() {}

  /** The line without a leading log prefix. */
  static String strip(String line) {
    Matcher m = PREFIX.matcher(line);
    return m.lookingAt() ? line.substring(m.end()) : line;
  }
}
