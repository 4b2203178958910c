package dev.mailleaks.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hmef.Attachment;
import org.apache.poi.hmef.HMEFMessage;

/** Opens TNEF ({@code winmail.dat}, {@code application/ms-tnef}) with Apache POI's HMEF: its files and RTF body. */
final class TnefExtractor {
  /** A file carried in a TNEF stream. */
  record TnefFile(String name, byte[] content) {}

  private TnefExtractor() {}

  static boolean isTnef(byte[] bytes) {
    return bytes.length >= 4 && (bytes[0] & 0xff) == 0x78 && (bytes[1] & 0xff) == 0x9f && (bytes[2] & 0xff) == 0x3e
        && (bytes[3] & 0xff) == 0x22;
  }

  /** The attachments, then the message body as {@code body.rtf} when there is one. */
  static List<TnefFile> files(byte[] tnef) throws IOException {
    HMEFMessage message;
    try {
      message = new HMEFMessage(new ByteArrayInputStream(tnef));
    } catch (RuntimeException e) {
      throw new IOException("unreadable TNEF: " + AttachmentRouter.describe(e), e);
    }
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
