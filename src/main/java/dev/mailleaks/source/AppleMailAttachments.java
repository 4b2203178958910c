package dev.mailleaks.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Apple Mail keeps the attachments of a {@code Messages/<id>.partial.emlx} apart, as
 * {@code Attachments/<id>/<IMAP section>/<file>}. Read with the message, they keep its sender and recipients:
 * the message becomes part 1 (its parts {@code 1.1}, {@code 1.2}…) of a wrapper with its headers, and each
 * stored attachment follows as {@code <n>/<section>_<file>}.
 */
final class AppleMailAttachments {
  private static final String[] IDENTITY = {"from", "to", "cc", "date", "subject", "message-id", "sender", "reply-to"};

  private AppleMailAttachments() {}

  /** The folder holding a partial message's attachments, if the message is partial and the folder exists. */
  static Path folderOf(Path emlx) {
    String name = emlx.getFileName().toString();
    if (!name.toLowerCase(Locale.ROOT).endsWith(".partial.emlx") || emlx.getParent() == null
        || emlx.getParent().getParent() == null) {
      return null;
    }
    String id = name.substring(0, name.length() - ".partial.emlx".length());
    Path folder = emlx.getParent().getParent().resolve("Attachments").resolve(id);
    return Files.isDirectory(folder) ? folder : null;
  }

  /** True if a file is one of the attachments that a partial message beside it will read. */
  static boolean isReadWithItsMessage(Path file) {
    Path section = file.getParent();
    Path idFolder = section == null ? null : section.getParent();
    Path attachments = idFolder == null ? null : idFolder.getParent();
    if (attachments == null || attachments.getFileName() == null
        || !attachments.getFileName().toString().equals("Attachments") || attachments.getParent() == null) {
      return false;
    }
    Path message = attachments.getParent().resolve("Messages").resolve(idFolder.getFileName() + ".partial.emlx");
    return Files.isRegularFile(message);
  }

  /** The message with its stored attachments, as one RFC 5322 message. */
  static byte[] withAttachments(byte[] message, Path folder, Limits limits) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    String boundary = "=_mailleaks_apple_" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 4096);
    out.writeBytes(identityHeaders(message).getBytes(StandardCharsets.UTF_8));
    ascii(out, "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n--" + boundary
        + "\r\nContent-Type: message/rfc822\r\n\r\n");
    out.writeBytes(message);
    for (Path file : files) {
      String section = folder.relativize(file.getParent()).toString().replace('/', '_');
      String name = (section.isEmpty() ? "" : section + "_") + file.getFileName();
      byte[] content = Files.readAllBytes(file);
      if (content.length > limits.maxPartBytes()) {
        content = java.util.Arrays.copyOf(content, (int) limits.maxPartBytes());
      }
      ascii(out, "\r\n--" + boundary + "\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; "
          + "filename*=UTF-8''" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")
          + "\r\nContent-Transfer-Encoding: binary\r\n\r\n");
      out.writeBytes(content);
    }
    ascii(out, "\r\n--" + boundary + "--\r\n");
    return out.toByteArray();
  }

  /** The message's own identifying header fields, so that findings in the attachments name its people. */
  private static String identityHeaders(byte[] message) {
    String text = new String(message, 0, Math.min(message.length, 65536), StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) end = text.indexOf("\n\n");
    String head = end < 0 ? text : text.substring(0, end);
    StringBuilder kept = new StringBuilder();
    boolean keeping = false;
    for (String line : head.split("\r?\n")) {
      if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
        if (keeping) kept.append(line).append("\r\n");
        continue;
      }
      int colon = line.indexOf(':');
      String name = colon > 0 ? line.substring(0, colon).trim().toLowerCase(Locale.ROOT) : "";
      keeping = List.of(IDENTITY).contains(name);
      if (keeping) kept.append(line).append("\r\n");
    }
    return kept.toString();
  }

  private static void ascii(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
  }
}
