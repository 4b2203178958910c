package dev.mailleaks.source;

import java.time.Instant;
import java.util.List;

/**
 * A message from an Outlook store (PST/OST item, MSG file), in a neutral shape, so that {@link MimeWriter} can
 * write it as an RFC 5322 message and every later stage treats it exactly as mail from an mbox.
 *
 * @param transportHeaders the Internet headers the item arrived with, or empty (items never sent have none)
 * @param date when it was delivered or sent, or null
 * @param rtfBody the RTF body, used only when the item has neither a plain nor an HTML body
 */
public record OutlookItem(
    String transportHeaders,
    String messageId,
    String from,
    String to,
    String cc,
    Instant date,
    String subject,
    String plainBody,
    String htmlBody,
    String rtfBody,
    List<Attachment> attachments) {

  public OutlookItem {
    attachments = List.copyOf(attachments);
  }

  /** An attachment: a file, or a message embedded in the item. */
  public sealed interface Attachment {
    String name();
  }

  /** A file attachment; {@code content} holds at most the part limit. */
  public record FileAttachment(String name, String mimeType, byte[] content) implements Attachment {}

  /** An Outlook item attached to another (a forwarded message, an attached .msg). */
  public record EmbeddedItem(String name, OutlookItem item) implements Attachment {}
}
