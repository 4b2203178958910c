package dev.mailleaks.scan;

import dev.mailleaks.findings.Finding;
import dev.mailleaks.source.ErrorRecord;
import java.util.List;

/** What one step of a scan produced, in scan order: a scanned message, or an event about an input. */
record MessageResult(Kind kind, List<Finding> findings, List<ErrorRecord> errors, int parts, int skipped) {
  enum Kind { MESSAGE, INPUT_DONE, INPUT_SKIPPED, ERROR }

  MessageResult {
    findings = List.copyOf(findings);
    errors = List.copyOf(errors);
  }

  static MessageResult ofError(ErrorRecord error) {
    return new MessageResult(Kind.ERROR, List.of(), List.of(error), 0, 0);
  }

  static MessageResult skippedInput() {
    return new MessageResult(Kind.INPUT_SKIPPED, List.of(), List.of(), 0, 1);
  }

  static MessageResult inputDone() {
    return new MessageResult(Kind.INPUT_DONE, List.of(), List.of(), 0, 0);
  }
}
