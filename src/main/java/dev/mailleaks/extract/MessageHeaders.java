package dev.mailleaks.extract;

/**
 * The headers of a message that identify it and its correspondents, decoded (RFC 2047). Missing ones are empty.
 * Sender and Reply-To matter for attributing a secret to a customer who wrote through someone else's system.
 */
public record MessageHeaders(
    String messageId, String from, String sender, String replyTo, String to, String cc, String date, String subject) {
  public static final MessageHeaders NONE = new MessageHeaders("", "", "", "", "", "", "", "");
}
