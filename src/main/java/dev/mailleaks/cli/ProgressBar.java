package dev.mailleaks.cli;

import dev.mailleaks.scan.ScanListener;
import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress display on stderr: bytes and messages done, rate, findings so far. */
final class ProgressBar implements ScanListener {
  private static final long REDRAW_NANOS = 250_000_000L;

  private final PrintWriter err;
  private final long totalBytes;
  private final long started = System.nanoTime();
  private volatile long bytes;
  private long lastDraw;

  ProgressBar(PrintWriter err, long totalBytes) {
    this.err = err;
    this.totalBytes = totalBytes;
  }

  @Override
  public void bytesRead(long total) {
    bytes = total;
  }

  @Override
  public synchronized void messageDone(long messages, long findings) {
    long now = System.nanoTime();
    if (now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    double seconds = Math.max(0.001, (now - started) / 1e9);
    String share = totalBytes > 0 ? String.format(Locale.ROOT, "%3d%% ", Math.min(100, bytes * 100 / totalBytes)) : "";
    err.printf(Locale.ROOT, "\r%s%,.1f MB  %,d messages  %.1f MB/s  %,d findings   ", share, bytes / 1e6, messages,
        bytes / 1e6 / seconds, findings);
    err.flush();
  }

  synchronized void clear() {
    if (lastDraw != 0) {
      err.print("\r" + " ".repeat(79) + "\r");
      err.flush();
    }
  }
}
