package dev.mailleaks.source;

/** Receives what the sources read, in input order. */
public interface MailSink {
  void message(RawMessage message);

  void error(ErrorRecord error);

  /** A file deliberately not read, such as a Maildir's index files; counted, not an error. */
  default void skipped(String source, String reason) {}

  /** Raw bytes consumed from input files, for progress and throughput. */
  default void bytesRead(long count) {}

  /**
   * A file named by the user, or found in a folder named by the user, is about to be read.
   *
   * @return false to leave it unread (a datastore already holds its results)
   */
  default boolean beginInput(java.nio.file.Path file) {
    return true;
  }

  /** A file begun with {@link #beginInput} has been read completely. */
  default void inputDone(String source) {}

  /**
   * The content hash of a file begun with {@link #beginInput}, once read: lowercase hex SHA-256 of all its bytes,
   * reported before {@link #inputDone}.
   */
  default void inputHash(String source, String sha256) {}
}
