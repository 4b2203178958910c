package dev.mailleaks.cli;

import dev.mailleaks.store.Datastore;
import dev.mailleaks.store.DatastoreException;
import dev.mailleaks.store.FindingStore;
import dev.mailleaks.store.Triage;
import dev.mailleaks.store.TriageStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "triage", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Set the triage status of secrets, by fingerprint (or a unique prefix of one), or in bulk from a CSV "
        + "with columns fingerprint, status and optionally note. Every change is kept in the history."})
final class TriageCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DatastoreOption datastore;

  @Parameters(arity = "0..*", paramLabel = "FINGERPRINT", description = "Secrets to triage.")
  List<String> fingerprints = new ArrayList<>();

  @Option(names = "--status", paramLabel = "STATUS",
      description = "open, confirmed, false-positive, rotated or notified.")
  String status;

  @Option(names = "--note", paramLabel = "TEXT", description = "Why, for the history.")
  String note = "";

  @Option(names = "--from-csv", paramLabel = "FILE", description = "Bulk changes: fingerprint,status[,note] per row.")
  Path csv;

  @Option(names = "--history", description = "Print the history of the given secrets instead of changing them.")
  boolean history;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (fingerprints.isEmpty() == (csv == null)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give FINGERPRINT... or --from-csv FILE");
    }
    if (!history && csv == null && status == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--status is required");
    }
    try (Datastore store = datastore.open()) {
      FindingStore findings = new FindingStore(store);
      Triage triage = new Triage(store);
      if (history) {
        for (String given : fingerprints) {
          for (Triage.Change c : triage.history(resolve(findings, given))) {
            out.printf("%s  %-14s %s  %s%n", c.at(), c.status(), c.fingerprint(), c.note());
          }
        }
        return ExitCodes.CLEAN;
      }
      // Every change is checked before any is made, and all are made in one transaction.
      List<Triage.Request> requests = new ArrayList<>();
      if (csv != null) {
        readCsv(findings, requests);
      } else {
        TriageStatus parsed = TriageStatus.parse(status);
        for (String given : fingerprints) {
          requests.add(new Triage.Request(resolve(findings, given), parsed, note));
        }
      }
      triage.apply(requests);
      int changed = requests.size();
      out.printf("%d secret(s) triaged%n", changed);
      return ExitCodes.CLEAN;
    } catch (IllegalArgumentException e) {
      err.println("mailleaks: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (DatastoreException e) {
      err.println("mailleaks: " + e.getMessage());
      return ExitCodes.INCOMPLETE;
    } catch (SQLException | IOException e) {
      err.println("mailleaks: triage failed: " + e.getMessage());
      return ExitCodes.INCOMPLETE;
    }
  }

  private void readCsv(FindingStore findings, List<Triage.Request> requests)
      throws IOException, SQLException {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVParser parser = CSVParser.parse(reader, format)) {
      List<String> header = parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
      if (!header.contains("fingerprint") || !header.contains("status")) {
        throw new IllegalArgumentException(csv + ":1: the header must name fingerprint and status (and optionally note)");
      }
      for (CSVRecord record : parser) {
        String where = csv + ":" + parser.getCurrentLineNumber() + ": ";
        try {
          TriageStatus parsed = TriageStatus.parse(record.get(header.indexOf("status")));
          String rowNote = header.contains("note") && record.size() > header.indexOf("note") ? record.get(header.indexOf("note")) : "";
          requests.add(new Triage.Request(resolve(findings, record.get(header.indexOf("fingerprint"))), parsed, rowNote));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
          throw new IllegalArgumentException(where + e.getMessage());
        }
      }
    }
  }

  private static String resolve(FindingStore findings, String given) throws SQLException {
    String prefix = given.strip().toLowerCase(Locale.ROOT);
    if (prefix.length() < 8 || !prefix.matches("[0-9a-f]+")) {
      throw new IllegalArgumentException("'" + given + "' is not a fingerprint (64 hex digits, or a prefix of at least 8)");
    }
    List<String> found = findings.fingerprintsStartingWith(prefix);
    if (found.isEmpty()) {
      throw new IllegalArgumentException("no secret with fingerprint " + given + " in the datastore");
    }
    if (found.size() > 1) {
      throw new IllegalArgumentException("fingerprint prefix " + given + " is not unique: give more digits");
    }
    return found.get(0);
  }
}
