package dev.mailleaks.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hmef.Attachment;
import org.apache.poi.hmef.HMEFMessage;

/**
 * TNEF ({@code winmail.dat}, {@code application/ms-tnef}) read with Apache POI's HMEF: its files and RTF body, as
 * attachments of the message that carries it, or, for a TNEF file given as an input, as an {@link OutlookItem}.
 */
public final class Tnef {
  /** A file carried in a TNEF stream. */
  public record TnefFile(String name, byte[] content) {}

  private Tnef() {}

  public static boolean isTnef(byte[] bytes) {
    return bytes.length >= 4 && (bytes[0] & 0xff) == 0x78 && (bytes[1] & 0xff) == 0x9f && (bytes[2] & 0xff) == 0x3e
        && (bytes[3] & 0xff) == 0x22;
  }

  /** A TNEF file on its own, as an item whose attachments are its files. */
  public static OutlookItem toItem(byte[] tnef) throws IOException {
    HMEFMessage message = open(tnef);
    List<OutlookItem.Attachment> attachments = new ArrayList<>();
    for (TnefFile file : files(message)) {
      attachments.add(new OutlookItem.FileAttachment(file.name(), null, file.content()));
    }
    String subject = message.getSubject();
    return new OutlookItem("", "", "", "", "", null, subject == null ? "" : subject, "", "", "", attachments);
  }

  /** The attachments, then the message body as {@code body.rtf} when there is one. */
  public static List<TnefFile> files(byte[] tnef) throws IOException {
    return files(open(tnef));
  }

  private static HMEFMessage open(byte[] tnef) throws IOException {
    try {
      return new HMEFMessage(new ByteArrayInputStream(tnef));
    } catch (RuntimeException e) {
      throw new IOException("unreadable TNEF: " + ErrorRecord.describe(e), e);
    }
  }

  private static List<TnefFile> files(HMEFMessage message) {
    List<TnefFile> files = new ArrayList<>();
    int index = 0;
    for (Attachment attachment : message.getAttachments()) {
      index++;
      String name = attachment.getLongFilename() != null ? attachment.getLongFilename() : attachment.getFilename();
      byte[] content = attachment.getContents();
      if (content != null) {
        files.add(new TnefFile(name == null || name.isBlank() ? "attachment-" + index : name, content));
      }
    }
    String body = message.getBody();
    if (body != null && !body.isBlank()) {
      files.add(new TnefFile("body.rtf", body.getBytes(StandardCharsets.ISO_8859_1)));
    }
    return files;
  }
}
