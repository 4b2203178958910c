package dev.mailleaks.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats {@code mailleaks report} writes the datastore in. */
public enum StoreReportFormat {
  JSON(new StoreJsonReport()),
  JSONL(new StoreJsonlReport()),
  CSV(new StoreCsvReport()),
  SARIF(new SarifReport()),
  HTML(new HtmlReport());

  private final StoreReport report;

  StoreReportFormat(StoreReport report) {
    this.report = report;
  }

  public StoreReport report() {
    return report;
  }

  /** The format named {@code name}, case-insensitively. */
  public static StoreReportFormat of(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown report format '" + name + "': use one of " + names());
    }
  }

  public static String names() {
    return Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
  }
}
