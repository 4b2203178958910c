package dev.mailleaks.source;

/** Receives what the sources read, in input order. */
public interface MailSink {
  void message(RawMessage message);

  void error(ErrorRecord error);

  /** A file deliberately not read, such as a Maildir's index files; counted, not an error. */
  default void skipped(String source, String reason) {}

  /** Raw bytes consumed from input files, for progress and throughput. */
  default void bytesRead(long count) {}

  /** An input (file, or entry of a container) has been read completely. */
  default void inputDone(String source) {}
}
