package dev.mailleaks.report;

import dev.mailleaks.findings.Finding;
import dev.mailleaks.findings.FindingSink;
import dev.mailleaks.findings.ScanSummary;
import dev.mailleaks.source.ErrorKind;
import dev.mailleaks.source.ErrorRecord;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** For people at a terminal: each finding on a line as it is found, then a table by rule and the counts. */
public final class TextReport implements FindingSink {
  private static final int ERRORS_SHOWN = 20;

  private final PrintWriter out;
  private int errorsShown;

  public TextReport(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void finding(Finding f) {
    out.printf(Locale.ROOT, "%-8s %-28s %s  %s  #%d  part %s  line %d%n         %s%n",
        f.severity(), f.ruleId(), f.secretRedacted(), f.source(), f.messageIndex(), f.part(), f.line(),
        f.subject().isEmpty() ? f.context() : "\"" + f.subject() + "\" " + f.context());
    if (f.secret() != null) {
      out.printf("         secret: %s%n", f.secret());
    }
    out.flush();
  }

  @Override
  public void error(ErrorRecord e) {
    if (errorsShown++ < ERRORS_SHOWN) {
      out.printf(Locale.ROOT, (e.kind() == ErrorKind.UNSUPPORTED_INPUT ? "skipped " : "error   ") + " %-28s %s%s%s: %s%n", e.kind().label(), e.input(),
          e.messageIndex() > 0 ? "  #" + e.messageIndex() : "", e.part().isEmpty() ? "" : "  part " + e.part(),
          e.reason());
    }
  }

  @Override
  public void end(ScanSummary s) {
    out.println();
    if (s.findingsByRule().isEmpty()) {
      out.println("No secrets found.");
    } else {
      out.printf("%-36s %8s%n", "rule", "findings");
      s.findingsByRule().entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .forEach(e -> out.printf(Locale.ROOT, "%-36s %8d%n", e.getKey(), e.getValue()));
      out.printf(Locale.ROOT, "%-36s %8d%n", "total", s.findings());
    }
    out.println();
    double seconds = Math.max(0.001, s.elapsed().toMillis() / 1000.0);
    out.printf(Locale.ROOT, "inputs %d  messages %d  parts %d  bytes %s  skipped %d  errors %d  elapsed %.1f s (%.1f MB/s)%n",
        s.inputs(), s.messages(), s.parts(), humanBytes(s.bytes()), s.skipped(), s.errors(), seconds,
        s.bytes() / 1e6 / seconds);
    if (!s.skippedByReason().isEmpty()) {
      StringBuilder reasons = new StringBuilder();
      s.skippedByReason().entrySet().stream().sorted(Map.Entry.comparingByKey())
          .forEach(e -> reasons.append(reasons.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue()));
      out.println("skipped: " + reasons);
    }
    if (!s.errorsByKind().isEmpty()) {
      StringBuilder kinds = new StringBuilder();
      for (ErrorKind kind : ErrorKind.values()) {
        Long n = s.errorsByKind().get(kind);
        if (n != null) kinds.append(kinds.length() == 0 ? "" : ", ").append(kind.label()).append(' ').append(n);
      }
      out.println("records by kind: " + kinds + (errorsShown > ERRORS_SHOWN ? " (first " + ERRORS_SHOWN
          + " shown above; --format json lists them)" : ""));
    }
    out.flush();
  }

  static String humanBytes(long bytes) {
    if (bytes < 1024) return bytes + " B";
    if (bytes < 1L << 20) return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    if (bytes < 1L << 30) return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
    return String.format(Locale.ROOT, "%.2f GiB", bytes / (double) (1L << 30));
  }
}
