package dev.mailleaks.notify;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import dev.mailleaks.report.SpreadsheetCells;
import dev.mailleaks.customers.Customer;
import dev.mailleaks.store.StoredSecret;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a notification plan into a folder: {@code notifications.csv} and {@code notifications.json} (one row per
 * customer and secret), one Markdown letter per customer under {@code letters/}, and {@code unattributed.csv}. Every
 * file is owner-only: they name customers and where their secrets leaked.
 */
public final class NotificationWriter {
  static final List<String> COLUMNS = List.of("customer_id", "customer_name", "contacts", "fingerprint", "provider",
      "rule_id", "rule_name", "severity", "secret_redacted", "first_seen", "last_seen", "occurrences", "message_ids",
      "mailboxes", "role", "evidence", "triage_status", "remediation");
  static final List<String> UNATTRIBUTED_COLUMNS = List.of("fingerprint", "provider", "rule_id", "rule_name", "severity",
      "secret_redacted", "first_seen", "last_seen", "occurrences", "message_ids", "mailboxes", "senders", "accounts",
      "triage_status", "remediation");

  private final Mustache letter;

  /** @param template a Mustache letter template, or null for the default one */
  public NotificationWriter(Path template) throws IOException {
    DefaultMustacheFactory factory = new DefaultMustacheFactory() {
      @Override
      public void encode(String value, Writer writer) {
        try {
          writer.write(value); // Markdown letters, not HTML: values are written as they are
        } catch (IOException e) {
          throw new MustacheException(e);
        }
      }
    };
    try (Reader reader = template == null ? defaultTemplate() : Files.newBufferedReader(template, StandardCharsets.UTF_8)) {
      this.letter = factory.compile(reader, template == null ? "letter.md" : template.getFileName().toString());
    } catch (MustacheException e) {
      throw new IOException("letter template " + template + " cannot be used: " + e.getMessage(), e);
    }
  }

  /** Writes every file; returns the letters written. */
  public int write(NotificationPlan plan, Path folder, String generatedAt) throws IOException {
    createOwnerOnlyFolder(folder);
    createOwnerOnlyFolder(folder.resolve("letters"));
    try (CSVPrinter csv = csv(folder.resolve("notifications.csv"), COLUMNS)) {
      for (Notification n : plan.notifications()) {
        csv.printRecord(row(n).values().stream().map(SpreadsheetCells::defuse).toList());
      }
    }
    try (OutputStream out = create(folder.resolve("notifications.json"));
        JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8).useDefaultPrettyPrinter()) {
      json.writeStartObject();
      json.writeStringField("generated_at", generatedAt);
      json.writeArrayFieldStart("notifications");
      for (Notification n : plan.notifications()) {
        json.writeStartObject();
        for (Map.Entry<String, Object> e : row(n).entrySet()) {
          if (e.getValue() instanceof List<?> list) {
            json.writeArrayFieldStart(e.getKey());
            for (Object o : list) json.writeString(o.toString());
            json.writeEndArray();
          } else if (e.getValue() instanceof Long number) {
            json.writeNumberField(e.getKey(), number);
          } else {
            json.writeStringField(e.getKey(), String.valueOf(e.getValue()));
          }
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeNumberField("unattributed", plan.unattributed().size());
      json.writeEndObject();
    }
    try (CSVPrinter csv = csv(folder.resolve("unattributed.csv"), UNATTRIBUTED_COLUMNS)) {
      for (StoredSecret s : plan.unattributed()) {
        csv.printRecord(List.of(s.fingerprint(), s.provider(), s.ruleId(), s.ruleName(), s.severity(), s.secretRedacted(),
            s.firstSeen(), s.lastSeen(), Long.toString(s.occurrences()), String.join(";", s.messageIds()),
            String.join(";", s.mailboxes()), String.join(";", s.senders()), String.join(";", s.accounts()),
            s.triageStatus(), s.remediation()).stream().map(SpreadsheetCells::defuse).toList());
      }
    }
    Map<Customer, List<Notification>> byCustomer = new LinkedHashMap<>();
    for (Notification n : plan.notifications()) {
      byCustomer.computeIfAbsent(n.attribution().customer(), k -> new ArrayList<>()).add(n);
    }
    for (Map.Entry<Customer, List<Notification>> e : byCustomer.entrySet()) {
      Path file = folder.resolve("letters").resolve(fileName(e.getKey().id()) + ".md");
      try (Writer out = new java.io.OutputStreamWriter(create(file), StandardCharsets.UTF_8)) {
        letter.execute(out, LetterModel.of(e.getKey(), e.getValue(), generatedAt)).flush();
      } catch (MustacheException ex) {
        throw new IOException("letter for " + e.getKey().id() + " cannot be written: " + ex.getMessage(), ex);
      }
    }
    return byCustomer.size();
  }

  static Map<String, Object> row(Notification n) {
    Customer c = n.attribution().customer();
    StoredSecret s = n.secret();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("customer_id", c.id());
    row.put("customer_name", c.name());
    row.put("contacts", String.join(";", c.contacts()));
    row.put("fingerprint", s.fingerprint());
    row.put("provider", s.provider());
    row.put("rule_id", s.ruleId());
    row.put("rule_name", s.ruleName());
    row.put("severity", s.severity());
    row.put("secret_redacted", s.secretRedacted());
    row.put("first_seen", s.firstSeen());
    row.put("last_seen", s.lastSeen());
    row.put("occurrences", s.occurrences());
    row.put("message_ids", String.join(";", s.messageIds()));
    row.put("mailboxes", String.join(";", s.mailboxes()));
    row.put("role", n.attribution().roleLabels());
    row.put("evidence", String.join("; ", n.attribution().evidence()));
    row.put("triage_status", s.triageStatus());
    row.put("remediation", s.remediation());
    return row;
  }

  /** A customer id as a safe file name: letters, digits, dot, dash and underscore. */
  static String fileName(String id) {
    String safe = id.replaceAll("[^A-Za-z0-9._-]", "_");
    return safe.isEmpty() || safe.startsWith(".") ? "customer_" + safe : safe;
  }

  private static CSVPrinter csv(Path file, List<String> columns) throws IOException {
    Writer out = new java.io.OutputStreamWriter(create(file), StandardCharsets.UTF_8);
    return new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new)).get());
  }

  private static OutputStream create(Path file) throws IOException {
    if (!Files.exists(file)) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
    return Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
  }

  private static void createOwnerOnlyFolder(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
  }

  private static Reader defaultTemplate() throws IOException {
    InputStream in = NotificationWriter.class.getResourceAsStream("/templates/letter.md.mustache");
    if (in == null) {
      throw new IOException("the default letter template is missing from the jar");
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
