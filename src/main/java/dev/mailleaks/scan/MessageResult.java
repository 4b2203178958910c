package dev.mailleaks.scan;

import dev.mailleaks.findings.Finding;
import dev.mailleaks.source.ErrorRecord;
import java.util.List;

/** What scanning one message (or one input-level error) produced. */
record MessageResult(boolean isMessage, List<Finding> findings, List<ErrorRecord> errors, int parts, int skipped) {
  MessageResult {
    findings = List.copyOf(findings);
    errors = List.copyOf(errors);
  }

  static MessageResult ofError(ErrorRecord error) {
    return new MessageResult(false, List.of(), List.of(error), 0, 0);
  }

  static MessageResult inputDone() {
    return new MessageResult(false, List.of(), List.of(), 0, 0);
  }
}
