package dev.mailleaks.scan;

import dev.mailleaks.findings.Finding;
import dev.mailleaks.source.ErrorRecord;
import java.util.List;
import java.util.Map;

/** What one step of a scan produced, in scan order: a scanned message, or an event about an input. */
record MessageResult(Kind kind, List<Finding> findings, List<ErrorRecord> errors, int parts, Map<String, Integer> skipped) {
  enum Kind { MESSAGE, INPUT_DONE, INPUT_SKIPPED, ERROR }

  MessageResult {
    findings = List.copyOf(findings);
    errors = List.copyOf(errors);
    skipped = Map.copyOf(skipped);
  }

  static MessageResult ofError(ErrorRecord error) {
    return new MessageResult(Kind.ERROR, List.of(), List.of(error), 0, Map.of());
  }

  static MessageResult skippedInput(String reason) {
    return new MessageResult(Kind.INPUT_SKIPPED, List.of(), List.of(), 0, Map.of(reason, 1));
  }

  static MessageResult inputDone() {
    return new MessageResult(Kind.INPUT_DONE, List.of(), List.of(), 0, Map.of());
  }
}
