package dev.mailleaks.store;

import dev.mailleaks.findings.Finding;
import dev.mailleaks.source.ErrorRecord;
import java.util.List;

/** The findings and error records one step of an earlier scan recorded, in their original order. */
public record RecordedStep(long ordinal, List<ErrorRecord> errors, List<Finding> findings) {
  public RecordedStep {
    errors = List.copyOf(errors);
    findings = List.copyOf(findings);
  }
}
