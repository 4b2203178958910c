package dev.mailleaks.source;

import java.util.Objects;

/**
 * Something that could not be read, recorded so that the scan can go on.
 *
 * @param messageIndex the 1-based message ordinal within {@code input}, or 0 when not inside a message
 * @param part the part path within the message, or empty
 * @param reason a description for the user; never contains message content
 */
public record ErrorRecord(String input, long messageIndex, String part, ErrorKind kind, String reason) {
  public ErrorRecord {
    Objects.requireNonNull(input);
    Objects.requireNonNull(kind);
    part = part == null ? "" : part;
    reason = reason == null ? "" : reason;
  }

  /**
   * An exception's own first line, for a reason: its type when it has no message. Library messages may be
   * long; only their first line is kept.
   */
  public static String describe(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException) return "no such file";
    if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
  }

  /** A message cut at the message-size limit; what was kept of it is scanned. */
  public static ErrorRecord messageTooLarge(String input, long messageIndex, Limits limits) {
    return new ErrorRecord(input, messageIndex, "", ErrorKind.LIMIT_SIZE,
        "message larger than " + limits.maxMessageBytes() + " bytes; the rest was not scanned");
  }

  public static ErrorRecord ofInput(String input, ErrorKind kind, String reason) {
    return new ErrorRecord(input, 0, "", kind, reason);
  }
}
