package dev.mailleaks.findings;

import dev.mailleaks.source.ErrorRecord;
import java.io.IOException;

/**
 * Where a scan's results go, in deterministic scan order: reports now, a datastore later. Called from one
 * thread at a time.
 */
public interface FindingSink {
  void finding(Finding finding) throws IOException;

  default void error(ErrorRecord error) throws IOException {}

  /** The scan is over; flush and write what needs the totals. */
  default void end(ScanSummary summary) throws IOException {}
}
