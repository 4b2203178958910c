package dev.mailleaks.store;

import java.util.Map;

/** What a scan does with one input file, given what the datastore already holds of it. */
public sealed interface InputPlan {
  long inputId();

  /**
   * Not scanned before ({@code inputId} -1), changed since, or rescanning forced: read it all; earlier results of
   * it are removed when its results begin.
   */
  record Fresh(long inputId, String path, long size, long mtime) implements InputPlan {}

  /**
   * Scanned to the end before, with the same rules, and its content hash unchanged: not read again; its recorded
   * results stand in.
   */
  record Unchanged(long inputId, long scanId, Counts counts) implements InputPlan {}

  /**
   * A scan of it was interrupted: the first {@code committedSteps} steps (messages, errors, skips, in reading
   * order) are recorded and are not scanned again; reading goes on after them.
   */
  record Resume(long inputId, long committedSteps, Counts counts) implements InputPlan {}

  /** Totals recorded for an input: they count in a scan's summary when its results are taken from the store. */
  record Counts(long messages, long parts, Map<String, Integer> skipped) {
    public Counts {
      skipped = Map.copyOf(skipped);
    }
  }
}
