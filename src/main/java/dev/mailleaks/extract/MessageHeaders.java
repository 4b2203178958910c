package dev.mailleaks.extract;

/** The headers of a message that identify it and its correspondents, decoded (RFC 2047). Missing ones are empty. */
public record MessageHeaders(String messageId, String from, String to, String cc, String date, String subject) {
  public static final MessageHeaders NONE = new MessageHeaders("", "", "", "", "", "");
}
