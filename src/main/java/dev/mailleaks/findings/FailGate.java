package dev.mailleaks.findings;

import dev.mailleaks.rules.Severity;
import dev.mailleaks.source.ErrorRecord;
import java.io.IOException;

/**
 * Decides whether a scan fails a CI job: findings of secrets not in the baseline, at or above the severity
 * threshold. Known secrets are left out of the report too; findings below the threshold are reported.
 */
public final class FailGate implements FindingSink {
  private final FindingSink report;
  private final Baseline baseline;
  private final Severity threshold;
  private long failing;
  private long suppressed;

  public FailGate(FindingSink report, Baseline baseline, Severity threshold) {
    this.report = report;
    this.baseline = baseline;
    this.threshold = threshold;
  }

  @Override
  public void finding(Finding finding) throws IOException {
    if (baseline.knows(finding.fingerprint())) {
      suppressed++;
      return;
    }
    if (Severity.parse(finding.severity()).atLeast(threshold)) {
      failing++;
    }
    report.finding(finding);
  }

  @Override
  public void error(ErrorRecord error) throws IOException {
    report.error(error);
  }

  @Override
  public void end(ScanSummary summary) throws IOException {
    report.end(summary);
  }

  /** Findings that fail the job. */
  public long failing() {
    return failing;
  }

  /** Findings of secrets the baseline knows, left out of the report. */
  public long suppressed() {
    return suppressed;
  }
}
