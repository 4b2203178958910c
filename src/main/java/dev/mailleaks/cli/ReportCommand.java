package dev.mailleaks.cli;

import dev.mailleaks.customers.Attributor;
import dev.mailleaks.notify.Notification;
import dev.mailleaks.notify.NotificationPlan;
import dev.mailleaks.report.StoreReportFormat;
import dev.mailleaks.report.StoreSnapshot;
import dev.mailleaks.report.ToolInfo;
import dev.mailleaks.store.Datastore;
import dev.mailleaks.store.DatastoreException;
import dev.mailleaks.store.FindingStore;
import dev.mailleaks.store.StoredOccurrence;
import dev.mailleaks.store.StoredSecret;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Render what the datastore holds as JSON, JSONL, CSV, SARIF or a self-contained HTML page.")
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DatastoreOption datastore;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", required = true, converter = FormatConverter.class,
      description = "json, jsonl, csv, sarif or html.")
  StoreReportFormat format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE (owner-only) instead of stdout.")
  Path output;

  @Mixin CustomerOptions customerOptions;

  @Option(names = "--show-secrets",
      description = "Include plaintext secrets where the datastore holds them (not in SARIF or HTML). Handle it as toxic.")
  boolean showSecrets;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Attributor attributor;
    try {
      attributor = customerOptions.attributor(err);
    } catch (CustomerOptions.Unusable e) {
      return ExitCodes.USAGE;
    }
    StoreSnapshot snapshot;
    try (Datastore store = datastore.open()) {
      FindingStore findings = new FindingStore(store);
      List<StoredSecret> secrets = findings.secrets(showSecrets);
      List<StoredOccurrence> occurrences = findings.occurrences();
      snapshot = new StoreSnapshot(ToolInfo.current(), findings.scans(), secrets, occurrences,
          attributor == null ? Map.of() : customerNames(NotificationPlan.of(secrets, occurrences, attributor, true)));
    } catch (DatastoreException e) {
      err.println("mailleaks: " + e.getMessage());
      return ExitCodes.INCOMPLETE; // as notify, triage and baseline do
    } catch (SQLException e) {
      err.println("mailleaks: cannot read the datastore " + datastore.path + ": " + e.getMessage());
      return ExitCodes.INCOMPLETE;
    }
    try (OutputStream out = open()) {
      format.report().write(snapshot, out);
    } catch (IOException e) {
      err.println("mailleaks: cannot write the report" + (output == null ? "" : " to " + output) + ": " + e.getMessage());
      return ExitCodes.INCOMPLETE;
    }
    return ExitCodes.CLEAN;
  }

  /** Customer names per fingerprint, in directory order: every attribution counts, triaged or not. */
  private static Map<String, List<String>> customerNames(NotificationPlan plan) {
    Map<String, List<String>> names = new LinkedHashMap<>();
    for (Notification n : plan.notifications()) {
      names.computeIfAbsent(n.secret().fingerprint(), k -> new ArrayList<>()).add(n.attribution().customer().name());
    }
    return names;
  }

  private OutputStream open() throws IOException {
    return output == null ? new WriterOutputStream(spec.commandLine().getOut()) : OwnerOnlyFiles.create(output);
  }

  static final class FormatConverter implements ITypeConverter<StoreReportFormat> {
    @Override
    public StoreReportFormat convert(String value) {
      try {
        return StoreReportFormat.of(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
