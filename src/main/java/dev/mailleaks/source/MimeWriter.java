package dev.mailleaks.source;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Writes an {@link OutlookItem} as an RFC 5322 message: its own Internet headers when it has them (else headers
 * made from its properties), then a multipart body with the plain and HTML bodies, the RTF body when there is no
 * other, every attachment as a binary part, and embedded items as {@code message/rfc822} parts.
 *
 * <p>Bodies and attachments are written unencoded ({@code 8bit}/{@code binary}) between random 48-character
 * boundaries: nothing is lost to re-encoding, and nothing is decoded twice.
 */
public final class MimeWriter {
  private static final DateTimeFormatter RFC_5322 =
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final String[] REPLACED_HEADERS = {
      "content-type", "content-transfer-encoding", "mime-version", "content-disposition", "content-length"};

  private static final java.util.regex.Pattern HEADER_FIELD = java.util.regex.Pattern.compile("[!-9;-~]+:");

  private MimeWriter() {}

  public static byte[] write(OutlookItem item) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(estimate(item));
    writeTo(item, out);
    return out.toByteArray();
  }

  private static void writeTo(OutlookItem item, ByteArrayOutputStream out) {
    headers(item, out);
    String boundary = "=_mailleaks_" + UUID.randomUUID().toString().replace("-", "") + "_" + Long.toHexString(System.nanoTime());
    ascii(out, "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n");
    List<Runnable> parts = new ArrayList<>();
    boolean hasPlain = !isBlank(item.plainBody());
    boolean hasHtml = !isBlank(item.htmlBody());
    if (hasPlain) {
      parts.add(() -> textPart(out, "text/plain", item.plainBody()));
    }
    if (hasHtml) {
      parts.add(() -> textPart(out, "text/html", item.htmlBody()));
    }
    if (!hasPlain && !hasHtml && !isBlank(item.rtfBody())) {
      parts.add(() -> filePart(out, "body.rtf", "application/rtf", item.rtfBody().getBytes(StandardCharsets.UTF_8)));
    }
    for (OutlookItem.Attachment attachment : item.attachments()) {
      if (attachment instanceof OutlookItem.FileAttachment file) {
        parts.add(() -> filePart(out, file.name(), file.mimeType(), file.content()));
      } else if (attachment instanceof OutlookItem.EmbeddedItem embedded) {
        parts.add(() -> {
          ascii(out, "Content-Type: message/rfc822\r\nContent-Disposition: inline" + fileNameParameter(embedded.name())
              + "\r\n\r\n");
          writeTo(embedded.item(), out);
        });
      }
    }
    for (Runnable part : parts) {
      ascii(out, "\r\n--" + boundary + "\r\n");
      part.run();
    }
    ascii(out, "\r\n--" + boundary + "--\r\n");
  }

  private static void headers(OutlookItem item, ByteArrayOutputStream out) {
    java.util.Set<String> present = new java.util.HashSet<>();
    String transport = item.transportHeaders() == null ? "" : item.transportHeaders().strip();
    for (String field : unfoldedFields(transport)) {
      // Outlook prefixes its copy with "Microsoft Mail Internet Headers Version 2.0": keep only real fields.
      if (!HEADER_FIELD.matcher(field).lookingAt()) {
        continue;
      }
      String name = field.substring(0, field.indexOf(':')).trim().toLowerCase(Locale.ROOT);
      if (!isReplaced(name)) {
        present.add(name);
        utf8(out, field + "\r\n");
      }
    }
    // Items never sent have no Internet headers, and some copies lack fields: the item's properties fill in.
    headerIfAbsent(out, present, "Message-ID", item.messageId());
    headerIfAbsent(out, present, "Date", item.date() == null ? null : RFC_5322.format(item.date()));
    headerIfAbsent(out, present, "From", item.from());
    headerIfAbsent(out, present, "To", item.to());
    headerIfAbsent(out, present, "Cc", item.cc());
    headerIfAbsent(out, present, "Subject", item.subject());
  }

  private static void headerIfAbsent(ByteArrayOutputStream out, java.util.Set<String> present, String name, String value) {
    if (!present.contains(name.toLowerCase(Locale.ROOT))) {
      header(out, name, value);
    }
  }

  /** Header fields with their continuation lines kept together. */
  private static List<String> unfoldedFields(String headers) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = null;
    for (String line : headers.split("\r?\n")) {
      if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && field != null) {
        field.append("\r\n").append(line);
      } else if (!line.isBlank()) {
        if (field != null) fields.add(field.toString());
        field = new StringBuilder(line);
      }
    }
    if (field != null) fields.add(field.toString());
    return fields;
  }

  private static boolean isReplaced(String name) {
    for (String replaced : REPLACED_HEADERS) {
      if (replaced.equals(name)) return true;
    }
    return false;
  }

  private static void header(ByteArrayOutputStream out, String name, String value) {
    if (isBlank(value)) {
      return;
    }
    String flat = value.replaceAll("[\\r\\n]+", " ").strip();
    ascii(out, name + ": " + (isAscii(flat) ? flat : encodedWord(flat)) + "\r\n");
  }

  private static void textPart(ByteArrayOutputStream out, String type, String text) {
    ascii(out, "Content-Type: " + type + "; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n");
    utf8(out, text);
  }

  private static void filePart(ByteArrayOutputStream out, String name, String mimeType, byte[] content) {
    String type = isBlank(mimeType) ? "application/octet-stream" : mimeType.strip();
    ascii(out, "Content-Type: " + type + "\r\nContent-Disposition: attachment" + fileNameParameter(name)
        + "\r\nContent-Transfer-Encoding: binary\r\n\r\n");
    out.writeBytes(content);
  }

  /** RFC 2231, so that any file name survives. */
  private static String fileNameParameter(String name) {
    if (isBlank(name)) {
      return "";
    }
    return "; filename*=UTF-8''" + URLEncoder.encode(name.strip(), StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String encodedWord(String value) {
    return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "?=";
  }

  private static int estimate(OutlookItem item) {
    long size = 4096L + length(item.plainBody()) * 2L + length(item.htmlBody()) * 2L;
    for (OutlookItem.Attachment attachment : item.attachments()) {
      if (attachment instanceof OutlookItem.FileAttachment file) size += file.content().length + 256;
    }
    return (int) Math.min(size, 64L << 20);
  }

  private static int length(String s) {
    return s == null ? 0 : s.length();
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 126) return false;
    }
    return true;
  }

  private static void ascii(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
  }

  private static void utf8(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
