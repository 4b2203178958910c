package dev.mailleaks.scan;

import dev.mailleaks.findings.Finding;
import dev.mailleaks.source.ErrorRecord;
import dev.mailleaks.store.InputPlan;
import java.util.List;
import java.util.Map;

/**
 * What one step of a scan produced, in scan order: a scanned message, an event about an input, or results an
 * earlier scan recorded (taken from the datastore instead of scanning again).
 *
 * @param messages how many messages this result accounts for
 * @param plan for {@link Kind#INPUT_BEGIN}: what the scan does with the input
 * @param hash for {@link Kind#INPUT_DONE}: the input's content hash, or null
 */
record MessageResult(Kind kind, List<Finding> findings, List<ErrorRecord> errors, long messages, long parts,
    Map<String, Integer> skipped, InputPlan plan, String hash) {
  enum Kind { MESSAGE, INPUT_BEGIN, INPUT_DONE, INPUT_SKIPPED, ERROR, RECORDED }

  MessageResult {
    findings = List.copyOf(findings);
    errors = List.copyOf(errors);
    skipped = Map.copyOf(skipped);
  }

  static MessageResult message(List<Finding> findings, List<ErrorRecord> errors, int parts, Map<String, Integer> skipped) {
    return new MessageResult(Kind.MESSAGE, findings, errors, 1, parts, skipped, null, null);
  }

  static MessageResult ofError(ErrorRecord error) {
    return new MessageResult(Kind.ERROR, List.of(), List.of(error), 0, 0, Map.of(), null, null);
  }

  static MessageResult skippedInput(String reason) {
    return new MessageResult(Kind.INPUT_SKIPPED, List.of(), List.of(), 0, 0, Map.of(reason, 1), null, null);
  }

  static MessageResult inputBegin(InputPlan plan) {
    return new MessageResult(Kind.INPUT_BEGIN, List.of(), List.of(), 0, 0, Map.of(), plan, null);
  }

  static MessageResult inputDone(String hash) {
    return new MessageResult(Kind.INPUT_DONE, List.of(), List.of(), 0, 0, Map.of(), null, hash);
  }

  static MessageResult recorded(List<Finding> findings, List<ErrorRecord> errors, long messages, long parts,
      Map<String, Integer> skipped) {
    return new MessageResult(Kind.RECORDED, findings, errors, messages, parts, skipped, null, null);
  }
}
