package dev.mailleaks.report;

import dev.mailleaks.store.StoredOccurrence;
import dev.mailleaks.store.StoredSecret;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One row per occurrence (a secret in a message), for spreadsheets: UTF-8 with a byte order mark, which Excel needs
 * to read it as UTF-8, and every cell that a spreadsheet would run as a formula defused.
 */
final class StoreCsvReport implements StoreReport {
  static final List<String> COLUMNS = List.of("fingerprint", "rule_id", "rule_name", "provider", "severity",
      "secret_redacted", "source", "message_index", "message_offset", "message_id", "from", "date", "subject", "parts",
      "line", "triage_status", "customers");

  @Override
  public void write(StoreSnapshot snapshot, OutputStream out) throws IOException {
    boolean plaintext = snapshot.hasPlaintext();
    List<String> header = new ArrayList<>(COLUMNS);
    if (plaintext) {
      header.add(header.indexOf("secret_redacted") + 1, "secret");
    }
    Map<String, StoredSecret> secrets = new HashMap<>();
    snapshot.secrets().forEach(s -> secrets.put(s.fingerprint(), s));
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write('\uFEFF');
    CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
    for (StoredOccurrence o : snapshot.occurrences()) {
      StoredSecret s = secrets.get(o.fingerprint());
      List<String> row = new ArrayList<>(List.of(o.fingerprint(), o.ruleId(), o.ruleName(), o.provider(), o.severity(),
          o.secretRedacted(), o.source(), Long.toString(o.messageIndex()),
          o.messageOffset() >= 0 ? Long.toString(o.messageOffset()) : "", o.messageId(), o.from(), o.date(),
          o.subject(), o.parts(), Integer.toString(o.line()), s == null ? "" : s.triageStatus(),
          String.join(";", snapshot.customersOf(o.fingerprint()))));
      if (plaintext) {
        row.add(header.indexOf("secret"), s == null || s.secret() == null ? "" : s.secret());
      }
      csv.printRecord(row.stream().map(SpreadsheetCells::defuse).toList());
    }
    csv.flush();
  }
}
