package dev.mailleaks.scan;

/** Observes a scan's progress (a progress bar, tests); every method has a no-op default. Called from many threads. */
public interface ScanListener {
  ScanListener NONE = new ScanListener() {};

  default void bytesRead(long total) {}

  default void messageDone(long messages, long findings) {}
}
