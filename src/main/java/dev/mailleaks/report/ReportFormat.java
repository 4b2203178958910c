package dev.mailleaks.report;

/** The formats a scan can write. */
public enum ReportFormat {
  TEXT,
  JSON,
  JSONL
}
