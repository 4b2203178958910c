package dev.mailleaks.source;

import java.util.Locale;

/** Why some input, message or part could not be read completely. */
public enum ErrorKind {
  /** An input file or stream that could not be read at all (missing, permissions, corrupt compression). */
  IO_ERROR,
  /** A file that is not a mail archive, message or container mailleaks reads. */
  UNSUPPORTED_INPUT,
  /** A message whose structure could not be parsed; what was readable was scanned. */
  CORRUPT_MESSAGE,
  /** A part whose bytes could not be decoded. */
  UNREADABLE_PART,
  /** An attachment parser (Tika) failed on a part. */
  PARSER_ERROR,
  /** Nesting of containers and embedded messages beyond the depth limit. */
  LIMIT_DEPTH,
  /** A part or message larger than its size limit; the rest was not read. */
  LIMIT_SIZE,
  /** A compressed entry that expands suspiciously (zip bomb guard). */
  LIMIT_RATIO,
  /** A message with more parts than the per-message cap. */
  LIMIT_PARTS,
  /** An attachment parser that did not finish within the per-part timeout. */
  TIMEOUT;

  /** The name used in reports, e.g. {@code limit-depth}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The kind of a {@link #label()}, as stored. */
  public static ErrorKind fromLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
