package dev.mailleaks.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import org.apache.poi.hsmf.MAPIMessage;
import org.apache.poi.hsmf.datatypes.AttachmentChunks;
import org.apache.poi.hsmf.datatypes.StringChunk;

/**
 * Reads an Outlook MSG file (one item in an OLE2 compound file) with Apache POI's HSMF, as an {@link OutlookItem}:
 * headers, plain/HTML/RTF bodies, attachments and embedded items, recursively.
 */
public final class OutlookMsg {
  private OutlookMsg() {}

  /** The MSG file as an RFC 5322 message. */
  public static byte[] toMime(byte[] msg, Limits limits) throws IOException {
    return MimeWriter.write(read(msg, limits));
  }

  public static OutlookItem read(byte[] msg, Limits limits) throws IOException {
    MAPIMessage message;
    try {
      message = new MAPIMessage(new ByteArrayInputStream(msg));
    } catch (IOException | RuntimeException e) {
      throw new IOException("not an Outlook message: " + ErrorRecord.describe(e), e);
    }
    message.setReturnNullOnMissingChunk(true);
    // 8-bit string properties are in the item's codepage (Big5, windows-1251 …), which POI must be told to use.
    message.guess7BitEncoding();
    return item(message, limits, 0);
  }

  private static OutlookItem item(MAPIMessage m, Limits limits, int depth) throws IOException {
    try {
      String[] headers = m.getHeaders();
      String subject = m.getSubject();
      String plain = m.getTextBody();
      String html = m.getHtmlBody();
      List<OutlookItem.Attachment> attachments = new ArrayList<>();
      for (AttachmentChunks a : m.getAttachmentFiles()) {
        String name = firstNonBlank(value(a.getAttachLongFileName()), value(a.getAttachFileName()),
            value(a.getAttachDisplayName()), "attachment-" + (attachments.size() + 1));
        if (a.isEmbeddedMessage()) {
          if (depth + 1 <= limits.maxDepth()) {
            MAPIMessage embedded = a.getEmbeddedMessage();
            embedded.setReturnNullOnMissingChunk(true);
            embedded.guess7BitEncoding();
            attachments.add(new OutlookItem.EmbeddedItem(name, item(embedded, limits, depth + 1)));
          }
          continue;
        }
        byte[] content = a.getEmbeddedAttachmentObject();
        if (content != null) {
          if (content.length > limits.maxPartBytes()) {
            content = java.util.Arrays.copyOf(content, (int) limits.maxPartBytes());
          }
          attachments.add(new OutlookItem.FileAttachment(name, value(a.getAttachMimeTag()), content));
        }
      }
      boolean empty = headers == null && subject == null && plain == null && html == null && attachments.isEmpty();
      if (empty && depth == 0) {
        throw new IOException("an OLE2 compound file that holds no Outlook message");
      }
      String rtf = plain == null && html == null ? m.getRtfBody() : null;
      Calendar date = m.getMessageDate();
      StringChunk messageId = m.getMainChunks().getMessageId();
      return new OutlookItem(headers == null ? "" : String.join("\r\n", headers), value(messageId),
          PstReader.address(m.getDisplayFrom(), value(m.getMainChunks().getEmailFromChunk())), orEmpty(m.getDisplayTo()),
          orEmpty(m.getDisplayCC()), date == null ? null : Instant.ofEpochMilli(date.getTimeInMillis()), orEmpty(subject),
          orEmpty(plain), orEmpty(html), orEmpty(rtf), attachments);
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("unreadable Outlook message: " + ErrorRecord.describe(e), e);
    }
  }

  private static String value(StringChunk chunk) {
    return chunk == null ? null : chunk.getValue();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) return v.strip();
    }
    return "";
  }
}
