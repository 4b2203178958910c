package dev.mailleaks.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.LongSupplier;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;


/** Opens compressed streams and iterates container entries (commons-compress), for inputs and attachments alike. */
public final class Containers {
  /** Receives one entry; the stream is valid only during the call. */
  public interface EntryVisitor {
    void entry(String name, InputStream content, LongSupplier compressedBytesRead) throws IOException;
  }

  private static final java.util.Set<String> DOCUMENT_ZIP_EXTENSIONS = java.util.Set.of(
      "docx", "docm", "dotx", "xlsx", "xlsm", "xltx", "pptx", "pptm", "potx", "ppsx", "odt", "ods", "odp",
      "odg", "ott", "epub", "vsdx", "xps", "numbers", "pages", "key");

  private Containers() {}

  /** Office, ODF and EPUB files are zips too, but documents: they are read whole, not entry by entry. */
  public static boolean isDocumentZip(byte[] head, String name) {
    String base = name == null ? "" : name.substring(name.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
    String extension = base.contains(".") ? base.substring(base.lastIndexOf('.') + 1) : "";
    if (DOCUMENT_ZIP_EXTENSIONS.contains(extension)) {
      return true;
    }
    // Their first entries name them; a plain zip of such files does not begin with these.
    String start = new String(head, 0, Math.min(head.length, 512), java.nio.charset.StandardCharsets.ISO_8859_1);
    return start.contains("[Content_Types].xml") || start.contains("mimetypeapplication/vnd.oasis")
        || start.contains("mimetypeapplication/epub");
  }

  /** The decompressed content of a single compressed stream (gzip with several members is read whole). */
  public static InputStream decompress(Format format, InputStream in) throws IOException {
    InputStream buffered = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 65536);
    switch (format) {
      case GZIP:
        return GzipCompressorInputStream.builder().setInputStream(buffered).setDecompressConcatenated(true).get();
      case BZIP2:
        return new BZip2CompressorInputStream(buffered, true);
      case XZ:
        return new XZCompressorInputStream(buffered, true);
      case ZSTD:
        return new ZstdCompressorInputStream(buffered);
      default:
        throw new IllegalArgumentException(format + " is not a compression format");
    }
  }

  /** The name of what a compressed file holds: {@code a.mbox.gz} holds {@code a.mbox}, {@code a.tgz} an {@code a.tar}. */
  public static String innerName(String name) {
    String base = name.substring(name.lastIndexOf('/') + 1);
    String lower = base.toLowerCase(java.util.Locale.ROOT);
    for (String suffix : new String[] {".gz", ".gzip", ".bz2", ".xz", ".zst", ".zstd", ".z"}) {
      if (lower.endsWith(suffix) && lower.length() > suffix.length()) {
        return base.substring(0, base.length() - suffix.length());
      }
    }
    if (lower.endsWith(".tgz")) return base.substring(0, base.length() - 4) + ".tar";
    if (lower.endsWith(".tbz2")) return base.substring(0, base.length() - 5) + ".tar";
    if (lower.endsWith(".txz")) return base.substring(0, base.length() - 4) + ".tar";
    return base + ".decompressed";
  }

  /**
   * Calls {@code visitor} for each regular entry of a zip, tar or 7z stream. A 7z archive needs random access,
   * so it is spooled to an owner-only temporary file first.
   */
  public static void forEachEntry(Format format, InputStream in, EntryVisitor visitor) throws IOException {
    switch (format) {
      case ZIP:
        try (ByteCounter counted = new ByteCounter(in);
            ZipArchiveInputStream zip = new ZipArchiveInputStream(counted, "UTF-8", true, true)) {
          visitArchive(zip, counted, visitor);
        }
        break;
      case TAR:
        try (ByteCounter counted = new ByteCounter(in);
            TarArchiveInputStream tar = new TarArchiveInputStream(counted)) {
          visitArchive(tar, counted, visitor);
        }
        break;
      case SEVEN_Z:
        visitSevenZ(in, visitor);
        break;
      default:
        throw new IllegalArgumentException(format + " is not a container format");
    }
  }

  private static void visitArchive(ArchiveInputStream<?> archive, ByteCounter counted, EntryVisitor visitor)
      throws IOException {
    ArchiveEntry entry;
    while ((entry = archive.getNextEntry()) != null) {
      if (entry.isDirectory() || !archive.canReadEntryData(entry)) {
        continue;
      }
      if (entry instanceof ZipArchiveEntry zipEntry && zipEntry.isUnixSymlink()) {
        continue;
      }
      long startCompressed = counted.count();
      visitor.entry(entry.getName(), archive, () -> counted.count() - startCompressed);
    }
  }

  /**
   * Copies a stream to an owner-only temporary file, for formats that need random access (7z, PST); the caller
   * deletes it. Owner-only: the content is stolen mail.
   */
  public static Path spool(InputStream in, String suffix) throws IOException {
    Path spool = Files.createTempFile("mailleaks-", suffix,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (OutputStream out = Files.newOutputStream(spool, StandardOpenOption.TRUNCATE_EXISTING)) {
      in.transferTo(out);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(spool);
      throw e;
    }
    return spool;
  }

  private static void visitSevenZ(InputStream in, EntryVisitor visitor) throws IOException {
    Path spool = spool(in, ".7z");
    try {
      try (SeekableByteChannel channel = Files.newByteChannel(spool);
          SevenZFile sevenZ = SevenZFile.builder().setSeekableByteChannel(channel).get()) {
        long archiveBytes = Files.size(spool);
        SevenZArchiveEntry entry;
        while ((entry = sevenZ.getNextEntry()) != null) {
          if (entry.isDirectory() || !entry.hasStream()) {
            continue;
          }
          try (InputStream content = sevenZ.getInputStream(entry)) {
            // 7z compresses entries together; per-entry compressed sizes are unknown, so the guard uses the archive's.
            visitor.entry(entry.getName(), content, () -> archiveBytes);
          }
        }
      }
    } finally {
      Files.deleteIfExists(spool);
    }
  }
}
