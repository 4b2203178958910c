package dev.mailleaks.extract;

import dev.mailleaks.decode.TextDecoder;
import dev.mailleaks.extract.PartContent.RawText;
import dev.mailleaks.extract.PartContent.TextFormat;
import dev.mailleaks.source.ByteCounter;
import dev.mailleaks.source.Containers;
import dev.mailleaks.source.ErrorKind;
import dev.mailleaks.source.ErrorRecord;
import dev.mailleaks.source.Format;
import dev.mailleaks.source.GuardedInputStream;
import dev.mailleaks.source.LimitExceededException;
import dev.mailleaks.source.OutlookMsg;
import dev.mailleaks.source.Tnef;
import dev.mailleaks.source.Sniffer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;


/**
 * Decides what an attachment or container entry is, from its bytes first and its name and declared type
 * second, and sends it where it is read: containers are opened, mails walked as messages, text decoded,
 * documents handed to the {@link DocumentExtractor}, keystores and password databases read as their base64
 * ({@link KeyContainer}), the property list of a signed configuration profile read as text ({@link SignedProfile}),
 * images skipped.
 */
final class AttachmentRouter {
  private static final Set<String> TEXT_EXTENSIONS = Set.of(
      "txt", "text", "csv", "tsv", "json", "xml", "yaml", "yml", "env", "properties", "ini", "cfg", "conf",
      "config", "toml", "log", "md", "sql", "sh", "bash", "ps1", "bat", "cmd", "py", "rb", "js", "ts", "java",
      "go", "php", "pem", "key", "crt", "pub", "asc", "netrc", "pgpass", "npmrc", "pypirc", "htpasswd", "tf",
      "tfvars", "hcl", "gradle", "cnf", "rdp", "ovpn", "reg", "url", "ics", "vcf", "vcs", "htm", "html", "csr",
      "srt", "gitconfig", "git-credentials", "dockercfg", "kubeconfig", "plist");
  private static final Set<String> OPAQUE_EXTENSIONS = Set.of(
      "bin", "dat", "exe", "dll", "so", "dylib", "iso", "img", "dmg", "msi", "o", "obj", "class", "pyc", "dump", "raw");
  private static final Set<String> MEDIA_EXTENSIONS = Set.of(
      "mp3", "mp4", "m4a", "wav", "ogg", "oga", "flac", "aac", "wma", "avi", "mov", "mkv", "webm", "wmv", "mpg", "mpeg");
  private static final Set<String> IMAGE_EXTENSIONS = Set.of(
      "png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "webp", "heic", "ico", "svgz");

  private final MessageExtractor messages;
  private final DocumentExtractor documents;

  AttachmentRouter(MessageExtractor messages, DocumentExtractor documents) {
    this.messages = messages;
    this.documents = documents;
  }

  void route(MessageExtractor.Walk walk, byte[] bytes, String path, String name, String declaredType, int depth) {
    route(walk, bytes, path, name, declaredType, null, depth);
  }

  /** @param charset the charset the message declared for this part, or null */
  void route(MessageExtractor.Walk walk, byte[] bytes, String path, String name, String declaredType, String charset,
      int depth) {
    String type = declaredType == null ? "" : declaredType.toLowerCase(Locale.ROOT);
    String extension = extension(name);
    String unreadable = unreadableReason(bytes, extension, type);
    if (unreadable != null) {
      walk.sink().skipped(path, unreadable);
      return;
    }
    Format format = Sniffer.sniff(bytes, Math.min(bytes.length, Sniffer.HEAD_BYTES));
    KeyContainer keyContainer = KeyContainer.of(bytes);
    byte[] signedProfile = keyContainer == null ? SignedProfile.propertyList(bytes) : null;
    if (Tnef.isTnef(bytes)) {
      openTnef(walk, bytes, path, depth);
    } else if (format == Format.OLE2 && (extension.equals("msg") || type.contains("ms-outlook"))) {
      openOutlookMessage(walk, bytes, path, name, declaredType, depth);
    } else if (format.isCompression()) {
      openCompressed(walk, bytes, path, name, format, depth);
    } else if (format == Format.ZIP && !Containers.isDocumentZip(bytes, name)) {
      openContainer(walk, bytes, path, format, depth);
    } else if (format == Format.TAR || format == Format.SEVEN_Z) {
      openContainer(walk, bytes, path, format, depth);
    } else if (format == Format.MESSAGE && !"html".equals(extension) && !"htm".equals(extension)) {
      if (walk.enter(path, depth + 1)) {
        messages.walkMessage(walk, bytes, path + "!", depth + 1);
      }
    } else if (format == Format.MBOX) {
      openMbox(walk, bytes, path, depth);
    } else if (keyContainer != null) {
      walk.sink().content(new RawText(path, keyContainer.asBase64Line(bytes), "US-ASCII", TextFormat.PLAIN));
    } else if (signedProfile != null) {
      walk.sink().content(new RawText(path, signedProfile, "UTF-8", TextFormat.PLAIN));
    } else if (isImage(bytes, extension, type)) {
      walk.sink().skipped(path, "image");
    } else if (isText(bytes, extension, type)) {
      walk.sink().content(new RawText(path, bytes, charset, textFormat(extension, type)));
    } else if (isOpaqueBinary(bytes, extension, type)) {
      walk.sink().skipped(path, "binary data");
    } else {
      extractDocument(walk, bytes, path, name, declaredType);
    }
  }

  /** An attached mbox (or a message saved with its envelope line): each message walked, {@code !n!} before its parts. */
  private void openMbox(MessageExtractor.Walk walk, byte[] bytes, String path, int depth) {
    if (!walk.enter(path, depth + 1)) {
      return;
    }
    java.util.List<dev.mailleaks.source.RawMessage> found = new java.util.ArrayList<>();
    try {
      dev.mailleaks.source.MboxSplitter.split(new ByteArrayInputStream(bytes), path, messages.limits(),
          new dev.mailleaks.source.MailSink() {
            @Override
            public void message(dev.mailleaks.source.RawMessage message) {
              found.add(message);
            }

            @Override
            public void error(dev.mailleaks.source.ErrorRecord error) {
              walk.sink().problem(path, error.kind(), error.reason());
            }
          });
    } catch (IOException e) {
      walk.sink().problem(path, ErrorKind.UNREADABLE_PART, ErrorRecord.describe(e));
    }
    String prefix = found.size() == 1 ? path + "!" : null;
    for (dev.mailleaks.source.RawMessage message : found) {
      messages.walkMessage(walk, message.bytes(), prefix != null ? prefix : path + "!" + message.origin().index() + "!",
          depth + 1);
    }
  }

  /** winmail.dat: its files are attachments of the message that carries it. */
  private void openTnef(MessageExtractor.Walk walk, byte[] bytes, String path, int depth) {
    if (!walk.enter(path, depth + 1)) {
      return;
    }
    try {
      for (Tnef.TnefFile file : Tnef.files(bytes)) {
        String filePath = path + "!" + file.name();
        if (walk.countPart(filePath)) {
          route(walk, file.content(), filePath, file.name(), null, depth + 1);
        }
      }
    } catch (IOException | RuntimeException e) {
      walk.sink().problem(path, ErrorKind.UNREADABLE_PART, ErrorRecord.describe(e));
    }
  }

  /** An attached Outlook item is a message: walked as one, its parts after {@code !}. */
  private void openOutlookMessage(MessageExtractor.Walk walk, byte[] bytes, String path, String name, String declaredType,
      int depth) {
    byte[] mime;
    try {
      mime = OutlookMsg.toMime(bytes, messages.limits());
    } catch (IOException | RuntimeException e) {
      extractDocument(walk, bytes, path, name, declaredType); // an OLE2 file that is not a message after all
      return;
    }
    if (walk.enter(path, depth + 1)) {
      messages.walkMessage(walk, mime, path + "!", depth + 1);
    }
  }

  private void openCompressed(MessageExtractor.Walk walk, byte[] bytes, String path, String name, Format format, int depth) {
    if (!walk.enter(path, depth + 1)) {
      return;
    }
    String inner = Containers.innerName(name == null ? "data" : name);
    try (ByteCounter compressed = new ByteCounter(new ByteArrayInputStream(bytes));
        InputStream in = guard(Containers.decompress(format, compressed), compressed::count)) {
      byte[] content = in.readAllBytes();
      route(walk, content, path + "!" + inner, inner, null, depth + 1);
    } catch (LimitExceededException e) {
      walk.sink().problem(path, e.kind(), e.getMessage());
    } catch (IOException | RuntimeException e) {
      walk.sink().problem(path, ErrorKind.UNREADABLE_PART, "cannot decompress: " + ErrorRecord.describe(e));
    }
  }

  private void openContainer(MessageExtractor.Walk walk, byte[] bytes, String path, Format format, int depth) {
    if (!walk.enter(path, depth + 1)) {
      return;
    }
    try {
      Containers.forEachEntry(format, new ByteArrayInputStream(bytes), (entry, content, compressed) -> {
        String entryPath = path + "!" + entry;
        if (!walk.countPart(entryPath)) {
          return;
        }
        byte[] entryBytes;
        try {
          entryBytes = guard(content, compressed).readAllBytes();
        } catch (LimitExceededException e) {
          walk.sink().problem(entryPath, e.kind(), e.getMessage());
          return;
        }
        String entryName = entry.substring(entry.lastIndexOf('/') + 1);
        route(walk, entryBytes, entryPath, entryName, null, depth + 1);
      });
    } catch (IOException | RuntimeException e) {
      walk.sink().problem(path, ErrorKind.UNREADABLE_PART, "cannot open " + format.name().toLowerCase(Locale.ROOT)
          + " archive: " + ErrorRecord.describe(e));
    }
  }

  private InputStream guard(InputStream in, java.util.function.LongSupplier compressedBytes) {
    return new GuardedInputStream(in, messages.limits().maxPartBytes(), messages.limits().maxRatio(), compressedBytes);
  }

  private void extractDocument(MessageExtractor.Walk walk, byte[] bytes, String path, String name, String declaredType) {
    try {
      String text = documents.extract(bytes, name, declaredType);
      if (text.isBlank()) {
        walk.sink().skipped(path, "no text extracted");
      } else {
        walk.sink().content(new PartContent.ExtractedText(path, text));
      }
    } catch (ExtractionException e) {
      walk.sink().problem(path, e.kind(), e.getMessage());
    }
  }

  /**
   * Why a part holds nothing readable (empty, encrypted, a signature, media), or null. Encrypted parts are
   * named as such so that a responder knows what could not be scanned.
   */
  private static String unreadableReason(byte[] bytes, String extension, String type) {
    if (bytes.length == 0) {
      return "empty";
    }
    if (type.contains("pkcs7-signature") || extension.equals("p7s") || type.equals("application/pgp-signature")) {
      return "signature";
    }
    if (type.contains("pkcs7-mime") || extension.equals("p7m")) {
      return "encrypted (S/MIME)";
    }
    if (type.equals("application/pgp-encrypted") || extension.equals("gpg") || extension.equals("pgp")
        || startsWith(bytes, "-----BEGIN PGP MESSAGE-----".getBytes(StandardCharsets.US_ASCII))) {
      return "encrypted (OpenPGP)";
    }
    if (type.startsWith("audio/") || type.startsWith("video/") || MEDIA_EXTENSIONS.contains(extension)) {
      return "audio or video";
    }
    return null;
  }

  /**
   * A file named and declared as opaque binary (a dump, an executable) whose bytes start like no format that
   * holds text: Tika would only spend its detection on it. Named formats with text (a PDF called data.bin,
   * a winmail.dat) are recognised by their magic numbers and still extracted.
   */
  private static boolean isOpaqueBinary(byte[] bytes, String extension, String type) {
    if (!OPAQUE_EXTENSIONS.contains(extension) || !(type.isEmpty() || type.equals("application/octet-stream"))) {
      return false;
    }
    return !(startsWith(bytes, '%', 'P', 'D', 'F') || startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)
        || startsWith(bytes, '{', '\\', 'r', 't', 'f') || startsWith(bytes, 0x78, 0x9f, 0x3e, 0x22)
        || startsWith(bytes, 'P', 'K') || startsWith(bytes, 'R', 'a', 'r', '!') || startsWith(bytes, '%', '!')
        || startsWith(bytes, '<'));
  }

  private static boolean isImage(byte[] bytes, String extension, String type) {
    if (type.startsWith("image/") || IMAGE_EXTENSIONS.contains(extension)) {
      return true;
    }
    return startsWith(bytes, 0x89, 'P', 'N', 'G') || startsWith(bytes, 0xff, 0xd8, 0xff)
        || startsWith(bytes, 'G', 'I', 'F', '8');
  }

  private static boolean isText(byte[] bytes, String extension, String type) {
    if (startsWith(bytes, '%', 'P', 'D', 'F') || startsWith(bytes, '{', '\\', 'r', 't', 'f')
        || startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) {
      return false; // documents Tika reads better than their raw bytes
    }
    if (TEXT_EXTENSIONS.contains(extension) || type.startsWith("text/") || type.endsWith("+xml")
        || type.endsWith("/json") || type.endsWith("/xml") || type.endsWith("+json") || type.contains("yaml")) {
      return true;
    }
    if (TextDecoder.guessUtf16(bytes) != null) {
      return true;
    }
    int sample = Math.min(bytes.length, 8192);
    int control = 0;
    for (int i = 0; i < sample; i++) {
      int b = bytes[i] & 0xff;
      if (b == 0) return false;
      // ESC starts the colour codes of terminal logs (one or more per line): text, not a sign of binary data
      if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1b) control++;
    }
    return sample > 0 && control * 50 < sample;
  }

  private static TextFormat textFormat(String extension, String type) {
    if (extension.equals("html") || extension.equals("htm") || type.equals("text/html")) return TextFormat.HTML;
    if (extension.equals("ics") || extension.equals("vcf") || extension.equals("vcs")
        || type.equals("text/calendar") || type.equals("text/vcard") || type.equals("text/x-vcard")) {
      return TextFormat.FOLDED;
    }
    return TextFormat.PLAIN;
  }

  static String extension(String name) {
    if (name == null) return "";
    String base = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    int dot = base.lastIndexOf('.');
    return dot < 0 ? "" : base.substring(dot + 1);
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) return false;
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) return false;
    }
    return true;
  }

  private static boolean startsWith(byte[] bytes, int... magic) {
    return Sniffer.hasMagic(bytes, bytes.length, magic);
  }

}
