package dev.mailleaks.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;

/**
 * Counts what is read through it and fails once too much comes out, or once it comes out too much faster
 * than the compressed bytes go in (a zip bomb).
 */
public final class GuardedInputStream extends FilterInputStream {
  private final long maxBytes;
  private final double maxRatio;
  private final LongSupplier compressedBytes;
  private long count;

  /**
   * @param compressedBytes how many compressed bytes have been consumed so far, or null for no ratio guard
   */
  public GuardedInputStream(InputStream in, long maxBytes, double maxRatio, LongSupplier compressedBytes) {
    super(in);
    this.maxBytes = maxBytes;
    this.maxRatio = maxRatio;
    this.compressedBytes = compressedBytes;
  }

  public long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      count += n;
      check();
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    count += skipped;
    check();
    return skipped;
  }

  private void check() throws LimitExceededException {
    if (count > maxBytes) {
      throw new LimitExceededException(ErrorKind.LIMIT_SIZE, "more than " + maxBytes + " bytes after decoding");
    }
    if (compressedBytes != null && count > Limits.RATIO_GRACE_BYTES) {
      long in = Math.max(1, compressedBytes.getAsLong());
      if (count / (double) in > maxRatio) {
        throw new LimitExceededException(ErrorKind.LIMIT_RATIO,
            String.format("expands more than %.0f:1 (%d bytes from %d compressed)", maxRatio, count, in));
      }
    }
  }
}
