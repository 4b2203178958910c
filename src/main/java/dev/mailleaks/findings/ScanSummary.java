package dev.mailleaks.findings;

import dev.mailleaks.source.ErrorKind;
import dev.mailleaks.source.ErrorRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a scan read and what it could not.
 *
 * @param inputs files and container entries read to the end
 * @param bytes raw bytes read from input files
 * @param skipped parts deliberately not scanned (images, encrypted, unsupported types) plus files that are not mail
 * @param errors records of what could not be read, all counted even when only the first ones are kept
 *     (files that are not mail are recorded too, but counted as skipped)
 * @param errorRecords the first error records, in scan order
 * @param inputsUnopened inputs that could not be opened at all
 */
public record ScanSummary(
    long inputs,
    long messages,
    long parts,
    long bytes,
    long skipped,
    Map<String, Long> skippedByReason,
    long errors,
    Map<ErrorKind, Long> errorsByKind,
    List<ErrorRecord> errorRecords,
    long findings,
    Map<String, Long> findingsByRule,
    long inputsUnopened,
    Duration elapsed,
    String rulesVersion,
    int ruleCount) {

  public ScanSummary {
    skippedByReason = Map.copyOf(skippedByReason);
    errorsByKind = Map.copyOf(errorsByKind);
    errorRecords = List.copyOf(errorRecords);
    findingsByRule = Map.copyOf(findingsByRule);
  }
}
