package dev.mailleaks.source;

import java.time.Duration;

/**
 * Bounds that keep a hostile archive from stopping or exhausting the scan.
 *
 * @param maxDepth how many containers and embedded messages may nest inside one input
 * @param maxMessageBytes the largest message kept; the rest of a larger one is not read
 * @param maxPartBytes the most decoded or decompressed bytes read from one part or container entry
 * @param maxRatio the largest decompressed/compressed ratio accepted once {@link #RATIO_GRACE_BYTES} are out
 * @param maxPartsPerMessage the most parts (MIME parts and container entries) examined in one message
 * @param partTimeout how long one attachment may take to extract
 */
public record Limits(
    int maxDepth,
    long maxMessageBytes,
    long maxPartBytes,
    double maxRatio,
    int maxPartsPerMessage,
    Duration partTimeout) {

  /** Small entries compress well by chance; the ratio guard starts once this much has been decompressed. */
  public static final long RATIO_GRACE_BYTES = 1L << 20;

  public static Limits defaults() {
    return new Limits(10, 128L << 20, 64L << 20, 100.0, 1000, Duration.ofSeconds(30));
  }
}
