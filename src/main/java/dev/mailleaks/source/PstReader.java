package dev.mailleaks.source;

import com.pff.PSTAttachment;
import com.pff.PSTFile;
import com.pff.PSTFolder;
import com.pff.PSTMessage;
import com.pff.PSTObject;
import com.pff.PSTRecipient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Reads Outlook PST and OST stores (ANSI and Unicode) with java-libpst: every folder, every item, one at a time,
 * each written as MIME by {@link MimeWriter}. A message's {@code source} is the store and its folder path
 * ({@code export.pst!Inbox/Projects}); its index counts items within that folder. A damaged item or folder is
 * recorded and the walk goes on with the next one.
 */
public final class PstReader {
  private final Path file;
  private final String source;
  private final Limits limits;
  private final MailSink sink;
  private long messages;

  private PstReader(Path file, String source, Limits limits, MailSink sink) {
    this.file = file;
    this.source = source;
    this.limits = limits;
    this.sink = sink;
  }

  /**
   * Reads a store from a file (java-libpst needs random access); returns the number of items read. The walk runs
   * on its own thread: if it makes no progress for the part timeout (a damaged store can send the library into
   * a loop), the rest of the store is given up, recorded, and the thread abandoned; nothing it finds later is
   * passed on.
   */
  public static long read(Path file, String source, Limits limits, MailSink sink) throws IOException {
    GatedSink gate = new GatedSink(sink);
    PstReader reader = new PstReader(file, source, limits, gate);
    java.util.concurrent.FutureTask<Void> walk = new java.util.concurrent.FutureTask<>(() -> {
      reader.run();
      return null;
    });
    Thread thread = new Thread(walk, "pst-reader");
    thread.setDaemon(true);
    thread.start();
    long timeoutNanos = limits.partTimeout().toNanos();
    try {
      while (true) {
        long seen = gate.progress();
        try {
          walk.get(timeoutNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
          return reader.messages;
        } catch (java.util.concurrent.TimeoutException e) {
          if (gate.progress() == seen && seen >= 0) {
            gate.close();
            thread.interrupt();
            sink.error(ErrorRecord.ofInput(source, ErrorKind.TIMEOUT, "no progress for " + limits.partTimeout().toSeconds()
                + " s reading the store; the rest of it was not read"));
            return reader.messages;
          }
        }
      }
    } catch (InterruptedException e) {
      gate.close();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof IOException io ? io : new IOException(ErrorRecord.describe(new Exception(cause)), cause);
    }
  }

  /**
   * Passes calls on until closed, and tells the watchdog whether the walk is alive: it counts calls, and a call
   * blocked in the sink (the scan's queue is full) is waiting, not hung.
   */
  private static final class GatedSink implements MailSink {
    private final MailSink sink;
    private final java.util.concurrent.atomic.AtomicLong progress = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean inSink;
    private boolean closed; // guarded by this

    GatedSink(MailSink sink) {
      this.sink = sink;
    }

    /** A value that changes while the walk moves; constant while it is stuck. */
    long progress() {
      return inSink ? -1 - progress.get() : progress.get();
    }

    synchronized void close() {
      closed = true;
    }

    @Override
    public void message(RawMessage message) {
      forward(() -> sink.message(message));
    }

    @Override
    public void error(ErrorRecord error) {
      forward(() -> sink.error(error));
    }

    private void forward(Runnable call) {
      progress.incrementAndGet();
      inSink = true;
      try {
        synchronized (this) {
          if (!closed) call.run();
        }
      } finally {
        inSink = false;
        progress.incrementAndGet();
      }
    }
  }

  private void run() throws IOException {
    PSTFile pst;
    try {
      pst = new PSTFile(file.toFile());
    } catch (Exception e) {
      throw new IOException("not a readable PST/OST store: " + ErrorRecord.describe(e), e);
    }
    // java-libpst prints notes ("Unknown message type: …") to System.err; mailleaks writes through streams it
    // captured at start-up, so only the library's chatter is silenced, and only while a store is walked.
    java.io.PrintStream stderr = System.err;
    System.setErr(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    try {
      folder(pst.getRootFolder(), "", 0);
    } catch (Exception e) {
      sink.error(ErrorRecord.ofInput(source, ErrorKind.CORRUPT_MESSAGE, "folder tree unreadable: " + ErrorRecord.describe(e)));
    } finally {
      System.setErr(stderr);
      pst.close();
    }
  }

  private void folder(PSTFolder folder, String parentPath, int level) {
    String name = folder.getDisplayName() == null ? "" : folder.getDisplayName().strip();
    // The root and the store's "Top of Personal Folders" carry no name people know the folders by.
    boolean unnamed = level == 0 || level == 1 && name.startsWith("Top of ");
    String path = unnamed ? parentPath : parentPath.isEmpty() ? name : parentPath + "/" + name;
    String folderSource = path.isEmpty() ? source : source + "!" + path;
    if (folder.getContentCount() > 0) {
      items(folder, folderSource);
    }
    List<PSTFolder> subFolders;
    try {
      subFolders = folder.hasSubfolders() ? folder.getSubFolders() : List.of();
    } catch (Exception e) {
      sink.error(ErrorRecord.ofInput(folderSource, ErrorKind.CORRUPT_MESSAGE, "subfolders unreadable: " + ErrorRecord.describe(e)));
      return;
    }
    for (PSTFolder sub : subFolders) {
      folder(sub, path, level + 1);
    }
  }

  private void items(PSTFolder folder, String folderSource) {
    long index = 0;
    while (true) {
      PSTObject child;
      try {
        child = folder.getNextChild();
      } catch (Exception e) {
        sink.error(new ErrorRecord(folderSource, index + 1, "", ErrorKind.CORRUPT_MESSAGE,
            "item unreadable, rest of the folder skipped: " + ErrorRecord.describe(e)));
        return;
      }
      if (child == null) {
        return;
      }
      if (!(child instanceof PSTMessage message)) {
        continue;
      }
      index++;
      messages++;
      long itemIndex = index;
      try {
        OutlookItem item = item(message, 0, problem -> sink.error(
            new ErrorRecord(folderSource, itemIndex, "", problem.kind(), problem.reason())));
        sink.message(new RawMessage(new MessageOrigin(folderSource, index, -1), MimeWriter.write(item)));
      } catch (Exception e) {
        sink.error(new ErrorRecord(folderSource, index, "", ErrorKind.CORRUPT_MESSAGE, "item unreadable: " + ErrorRecord.describe(e)));
      }
    }
  }

  /** A problem with one attachment of an item, for the item's error record. */
  record Problem(ErrorKind kind, String reason) {}

  private OutlookItem item(PSTMessage m, int depth, java.util.function.Consumer<Problem> problems) throws Exception {
    StringBuilder to = new StringBuilder();
    StringBuilder cc = new StringBuilder();
    for (int i = 0; i < m.getNumberOfRecipients(); i++) {
      PSTRecipient r = m.getRecipient(i);
      StringBuilder list = r.getRecipientType() == 2 ? cc : r.getRecipientType() == 1 ? to : null;
      if (list != null) {
        if (list.length() > 0) list.append(", ");
        list.append(address(r.getDisplayName(), r.getSmtpAddress().isBlank() ? r.getEmailAddress() : r.getSmtpAddress()));
      }
    }
    Date date = m.getMessageDeliveryTime() != null ? m.getMessageDeliveryTime() : m.getClientSubmitTime();
    String plain = m.getBody();
    String html = m.getBodyHTML();
    // RTF is decompressed only when there is no other body: it says the same thing and costs time.
    String rtf = plain.isBlank() && html.isBlank() ? m.getRTFBody() : "";
    List<OutlookItem.Attachment> attachments = new ArrayList<>();
    for (int i = 0; i < m.getNumberOfAttachments(); i++) {
      PSTAttachment a = m.getAttachment(i);
      String name = firstNonBlank(a.getLongFilename(), a.getFilename(), a.getDisplayName(), "attachment-" + (i + 1));
      if (a.getAttachMethod() == PSTAttachment.ATTACHMENT_METHOD_EMBEDDED) {
        if (depth + 1 > limits.maxDepth()) {
          problems.accept(new Problem(ErrorKind.LIMIT_DEPTH, "embedded item '" + name + "' nested deeper than " + limits.maxDepth()));
          continue;
        }
        PSTMessage embedded = a.getEmbeddedPSTMessage();
        if (embedded != null) {
          attachments.add(new OutlookItem.EmbeddedItem(name, item(embedded, depth + 1, problems)));
        }
        continue;
      }
      try (InputStream in = a.getFileInputStream()) {
        if (in == null) continue;
        byte[] content = in.readNBytes((int) Math.min(limits.maxPartBytes(), Integer.MAX_VALUE - 16));
        if (in.read() >= 0) {
          problems.accept(new Problem(ErrorKind.LIMIT_SIZE, "attachment '" + name + "' larger than "
              + limits.maxPartBytes() + " bytes; only the start was scanned"));
        }
        attachments.add(new OutlookItem.FileAttachment(name, a.getMimeTag(), content));
      }
    }
    return new OutlookItem(m.getTransportMessageHeaders(), m.getInternetMessageId(),
        address(m.getSenderName(), m.getSenderEmailAddress()), to.toString(), cc.toString(),
        date == null ? null : Instant.ofEpochMilli(date.getTime()), m.getSubject(), plain, html, rtf, attachments);
  }

  static String address(String name, String email) {
    String n = name == null ? "" : name.strip().replace("\"", "'");
    String e = email == null ? "" : email.strip();
    if (e.isEmpty()) return n;
    if (n.isEmpty() || n.equals(e)) return "<" + e + ">";
    return "\"" + n + "\" <" + e + ">";
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) return v.strip();
    }
    return "";
  }

}
