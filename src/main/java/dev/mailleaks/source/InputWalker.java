package dev.mailleaks.source;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Walks the inputs a user named: files and folders (recursively, in name order), each file's format told by
 * its content, through compression and containers to the mbox files and messages inside.
 */
public final class InputWalker {
  private static final Map<Format, MailboxReader> READERS = Map.of(
      Format.MBOX, MboxSplitter.READER,
      Format.MESSAGE, new MessageFileReader(),
      Format.EMLX, new EmlxReader());

  private final Limits limits;
  private final MailSink sink;
  private long messages;
  private boolean failedBeforeAnyMessage;
  private boolean storeReadInPlace;

  public InputWalker(Limits limits, MailSink sink) {
    this.limits = limits;
    this.sink = new MailSink() {
      @Override
      public void message(RawMessage message) {
        messages++;
        sink.message(message);
      }

      @Override
      public void error(ErrorRecord error) {
        sink.error(error);
      }

      @Override
      public void skipped(String source, String reason) {
        sink.skipped(source, reason);
      }

      @Override
      public void bytesRead(long count) {
        sink.bytesRead(count);
      }

      @Override
      public boolean beginInput(Path file) {
        return sink.beginInput(file);
      }

      @Override
      public void inputDone(String source) {
        sink.inputDone(source);
      }

      @Override
      public void inputHash(String source, String sha256) {
        sink.inputHash(source, sha256);
      }
    };
  }

  /** Reads every input; returns how many could not be opened at all. */
  public long walk(List<Path> paths) {
    long unopened = 0;
    for (Path path : paths) {
      if (!Files.exists(path)) {
        sink.error(ErrorRecord.ofInput(path.toString(), ErrorKind.IO_ERROR, "no such file or folder"));
        unopened++;
      } else if (Files.isDirectory(path)) {
        unopened += walkFolder(path);
      } else {
        unopened += readFile(path) ? 0 : 1;
      }
    }
    return unopened;
  }

  private long walkFolder(Path folder) {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).forEach(files::add);
    } catch (IOException e) {
      sink.error(ErrorRecord.ofInput(folder.toString(), ErrorKind.IO_ERROR, "cannot list folder: " + ErrorRecord.describe(e)));
      return 1;
    }
    long unopened = 0;
    for (Path file : files) {
      unopened += readFile(file) ? 0 : 1;
    }
    return unopened;
  }

  /** One file; a defect in reading it costs that file only, never the rest of the scan. */
  private boolean readFile(Path file) {
    try {
      return readFileOrThrow(file);
    } catch (RuntimeException e) {
      sink.error(ErrorRecord.ofInput(file.toString(), ErrorKind.IO_ERROR, "internal error: " + e.getClass().getSimpleName()));
      return true;
    }
  }

  private boolean readFileOrThrow(Path file) {
    String name = file.toString();
    if (isMailStoreMetadata(file)) {
      sink.skipped(name, "mail store metadata");
      return true;
    }
    if (AppleMailAttachments.isReadWithItsMessage(file)) {
      sink.skipped(name, "read with its Apple Mail message");
      return true;
    }
    if (!sink.beginInput(file)) {
      return true;
    }
    InputStream raw;
    try {
      raw = Files.newInputStream(file);
    } catch (IOException e) {
      sink.error(ErrorRecord.ofInput(name, ErrorKind.IO_ERROR, "cannot open: " + ErrorRecord.describe(e)));
      return false;
    }
    long before = messages;
    failedBeforeAnyMessage = false;
    try (ProgressStream counted = new ProgressStream(raw, sink)) {
      // Readers may close what they read; the file stays open to the end for its hash.
      read(new FilterInputStream(counted) {
        @Override
        public void close() {}
      }, name, 0, file);
      // A store read in place (PST) is not read through the stream: count its whole size as read.
      counted.countAtLeast(storeReadInPlace ? Files.size(file) : 0);
      storeReadInPlace = false;
      // Readers may stop early (a store read in place, a limit): the hash covers every byte all the same.
      sink.inputHash(name, counted.drainAndHash());
    } catch (IOException e) {
      sink.error(ErrorRecord.ofInput(name, ErrorKind.IO_ERROR, "read failed: " + ErrorRecord.describe(e)));
    }
    sink.inputDone(name);
    // An input that failed before yielding a single message could not be opened at all.
    return !(failedBeforeAnyMessage && messages == before);
  }

  /**
   * Reads one stream of the given display name at a nesting depth; errors inside it are recorded against it
   * and do not propagate, so that one broken entry leaves its siblings readable.
   */
  private void read(InputStream in, String name, int depth) {
    read(in, name, depth, null);
  }

  /** @param file the file the stream reads, when it is a whole file (not an entry or decompressed stream) */
  private void read(InputStream in, String name, int depth, Path file) {
    try {
      BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
      buffered.mark(Sniffer.HEAD_BYTES);
      byte[] head = buffered.readNBytes(Sniffer.HEAD_BYTES);
      buffered.reset();
      Format format = Sniffer.sniff(head, head.length);
      if (format == Format.UNKNOWN) {
        sink.error(ErrorRecord.ofInput(name, ErrorKind.UNSUPPORTED_INPUT,
            head.length == 0 ? "empty file" : "not a mail archive, message or container"));
        return;
      }
      if (format == Format.ZIP && Containers.isDocumentZip(head, name)) {
        sink.error(ErrorRecord.ofInput(name, ErrorKind.UNSUPPORTED_INPUT, "a document, not mail"));
        return;
      }
      if ((format.isCompression() || format.isContainer()) && depth >= limits.maxDepth()) {
        sink.error(ErrorRecord.ofInput(name, ErrorKind.LIMIT_DEPTH, "nested deeper than " + limits.maxDepth()));
        return;
      }
      switch (format) {
        case GZIP, BZIP2, XZ, ZSTD -> read(Containers.decompress(format, buffered), name + "!" + Containers.innerName(name), depth + 1);
        case ZIP, TAR, SEVEN_Z -> Containers.forEachEntry(format, buffered,
            (entry, content, compressed) -> read(content, name + "!" + entry, depth + 1));
        case EMLX -> {
          Path attachments = file == null ? null : AppleMailAttachments.folderOf(file);
          if (attachments == null) {
            READERS.get(format).read(buffered, name, limits, sink);
          } else {
            READERS.get(format).read(buffered, name, limits, withAppleAttachments(attachments));
          }
        }
        case MBOX, MESSAGE -> READERS.get(format).read(buffered, name, limits, sink);
        case PST -> readStore(buffered, name, file);
        case OLE2 -> readOutlookMessage(buffered, name);
        case TNEF -> readTnef(buffered, name);
        default -> throw new IllegalStateException(format.toString());
      }
    } catch (IOException | RuntimeException e) {
      sink.error(ErrorRecord.ofInput(name, ErrorKind.IO_ERROR, "read failed: " + ErrorRecord.describe(e)));
      if (depth == 0) {
        failedBeforeAnyMessage = true;
      }
    }
  }

  /** A sink that gives the message it receives the attachments Apple Mail stored apart. */
  private MailSink withAppleAttachments(Path folder) {
    return new MailSink() {
      @Override
      public void message(RawMessage message) {
        try {
          byte[] whole = AppleMailAttachments.withAttachments(message.bytes(), folder, limits);
          sink.message(new RawMessage(message.origin(), whole));
        } catch (IOException e) {
          sink.error(new ErrorRecord(message.origin().source(), message.origin().index(), "", ErrorKind.IO_ERROR,
              "attachments in " + folder + " unreadable: " + ErrorRecord.describe(e)));
          sink.message(message);
        }
      }

      @Override
      public void error(ErrorRecord error) {
        sink.error(error);
      }
    };
  }

  /** A PST needs random access: read in place, or spooled to an owner-only temporary file from a container. */
  private void readStore(InputStream in, String name, Path file) throws IOException {
    if (file != null) {
      PstReader.read(file, name, limits, sink);
      storeReadInPlace = true;
      return;
    }
    Path spool = Containers.spool(in, ".pst");
    try {
      PstReader.read(spool, name, limits, sink);
    } finally {
      Files.deleteIfExists(spool);
    }
  }

  private void readOutlookMessage(InputStream in, String name) throws IOException {
    byte[] bytes = in.readNBytes((int) Math.min(limits.maxMessageBytes(), Integer.MAX_VALUE - 16));
    byte[] mime;
    try {
      mime = OutlookMsg.toMime(bytes, limits);
    } catch (IOException e) {
      sink.error(ErrorRecord.ofInput(name, ErrorKind.UNSUPPORTED_INPUT, e.getMessage()));
      return;
    }
    sink.message(new RawMessage(new MessageOrigin(name, 1, -1), mime));
  }

  private void readTnef(InputStream in, String name) throws IOException {
    byte[] bytes = in.readNBytes((int) Math.min(limits.maxMessageBytes(), Integer.MAX_VALUE - 16));
    sink.message(new RawMessage(new MessageOrigin(name, 1, -1), MimeWriter.write(Tnef.toItem(bytes))));
  }

  /** Index and marker files that mail stores keep beside the messages (Maildir, Maildir++, Dovecot, Courier). */
  static boolean isMailStoreMetadata(Path file) {
    String name = file.getFileName().toString();
    return name.equals("maildirfolder") || name.equals("subscriptions") || name.equals(".DS_Store")
        || name.startsWith("dovecot") || name.startsWith("courierimap") || name.equals(".uidvalidity")
        || name.equals(".mh_sequences") || name.equals("Info.plist") || name.endsWith(".plist");
  }


  /**
   * Reports raw bytes read from a file, in chunks, for progress and throughput, and hashes them as they pass
   * (one read of the file serves the scan and the datastore's content hash).
   */
  private static final class ProgressStream extends FilterInputStream {
    private final MailSink sink;
    private final java.security.MessageDigest sha256;
    private long unreported;
    private long counted;

    ProgressStream(InputStream in, MailSink sink) {
      super(in);
      this.sink = sink;
      try {
        this.sha256 = java.security.MessageDigest.getInstance("SHA-256");
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java platform has SHA-256", e);
      }
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        sha256.update((byte) b);
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        sha256.update(b, off, n);
        count(n);
      }
      return n;
    }

    /** Skipped bytes are read all the same, so that the hash sees them. */
    @Override
    public long skip(long n) throws IOException {
      byte[] buffer = new byte[(int) Math.min(n, 1 << 16)];
      long skipped = 0;
      while (skipped < n) {
        int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
        if (read < 0) break;
        skipped += read;
      }
      return skipped;
    }

    /** Reads what the readers left unread (uncounted: it was not scanned) and returns the whole file's hash. */
    String drainAndHash() throws IOException {
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = in.read(buffer)) > 0) {
        sha256.update(buffer, 0, n);
      }
      return java.util.HexFormat.of().formatHex(sha256.digest());
    }

    /** Reports as read whatever of {@code total} bytes the stream itself has not counted. */
    void countAtLeast(long total) {
      if (total > counted) {
        count(total - counted);
      }
    }

    private void count(long n) {
      counted += n;
      unreported += n;
      if (unreported >= (1 << 20)) {
        sink.bytesRead(unreported);
        unreported = 0;
      }
    }

    @Override
    public void close() throws IOException {
      sink.bytesRead(unreported);
      unreported = 0;
      super.close();
    }
  }
}
