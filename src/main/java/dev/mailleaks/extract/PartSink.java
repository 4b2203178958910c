package dev.mailleaks.extract;

import dev.mailleaks.source.ErrorKind;

/** Receives what a message's extraction yields, in message order. */
public interface PartSink {
  void content(PartContent content);

  /** A part that could not be read completely; what was read has still been passed on. */
  void problem(String part, ErrorKind kind, String reason);

  /** A part deliberately not scanned (an image, an unsupported type). */
  void skipped(String part, String reason);
}
