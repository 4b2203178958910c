package dev.mailleaks.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.mailleaks.store.StoredOccurrence;
import dev.mailleaks.store.StoredScan;
import dev.mailleaks.store.StoredSecret;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** The JSON shape of the datastore's scans, secrets and occurrences, shared by the JSON, JSONL and HTML reports. */
final class StoreJson {
  private StoreJson() {}

  static void writeTool(JsonGenerator json, ToolInfo tool) throws IOException {
    json.writeObjectFieldStart("tool");
    json.writeStringField("name", tool.name());
    json.writeStringField("version", tool.version());
    json.writeEndObject();
  }

  static void writeScan(JsonGenerator json, StoredScan s) throws IOException {
    json.writeStartObject();
    json.writeNumberField("id", s.id());
    json.writeStringField("started_at", s.startedAt());
    json.writeStringField("ended_at", s.endedAt());
    json.writeStringField("tool_version", s.toolVersion());
    json.writeStringField("rules_version", s.rulesVersion());
    json.writeNumberField("rule_count", s.ruleCount());
    json.writeStringField("options", s.options());
    json.writeNumberField("inputs", s.inputs());
    json.writeNumberField("inputs_skipped", s.inputsSkipped());
    json.writeNumberField("messages", s.messages());
    json.writeNumberField("findings", s.findings());
    json.writeNumberField("errors", s.errors());
    json.writeEndObject();
  }

  /**
   * The {@code tool}, {@code scans} and {@code secrets} (each with its occurrences) fields of a report object.
   *
   * @param plaintext write plaintexts where the snapshot holds them (never in a report that is shared or rendered)
   */
  static void writeToolScansAndSecrets(JsonGenerator json, StoreSnapshot snapshot, boolean plaintext)
      throws IOException {
    writeTool(json, snapshot.tool());
    json.writeArrayFieldStart("scans");
    for (StoredScan scan : snapshot.scans()) {
      writeScan(json, scan);
    }
    json.writeEndArray();
    var occurrences = snapshot.occurrencesByFingerprint();
    json.writeArrayFieldStart("secrets");
    for (StoredSecret s : snapshot.secrets()) {
      writeSecret(json, s, plaintext, snapshot.customersOf(s.fingerprint()),
          occurrences.getOrDefault(s.fingerprint(), List.of()));
    }
    json.writeEndArray();
  }

  /**
   * One secret with the customers it is attributed to and, unless {@code occurrences} is null, where it occurs.
   * The plaintext is written only when asked for and the secret carries it.
   */
  static void writeSecret(JsonGenerator json, StoredSecret s, boolean plaintext, List<String> customers,
      List<StoredOccurrence> occurrences) throws IOException {
    json.writeStartObject();
    json.writeStringField("fingerprint", s.fingerprint());
    json.writeStringField("rule_id", s.ruleId());
    json.writeStringField("rule_name", s.ruleName());
    json.writeStringField("provider", s.provider());
    json.writeStringField("severity", s.severity());
    json.writeStringField("secret_redacted", s.secretRedacted());
    if (plaintext && s.secret() != null) {
      json.writeStringField("secret", s.secret());
    }
    json.writeStringField("first_seen", s.firstSeen());
    json.writeStringField("last_seen", s.lastSeen());
    json.writeNumberField("occurrence_count", s.occurrences());
    writeStrings(json, "mailboxes", s.mailboxes());
    writeStrings(json, "message_ids", s.messageIds());
    writeStrings(json, "senders", s.senders());
    writeStrings(json, "accounts", s.accounts());
    writeStrings(json, "customers", customers);
    json.writeStringField("triage_status", s.triageStatus());
    json.writeStringField("remediation", s.remediation());
    if (occurrences != null) {
      json.writeArrayFieldStart("occurrences");
      for (StoredOccurrence o : occurrences) {
        writeOccurrence(json, o);
      }
      json.writeEndArray();
    }
    json.writeEndObject();
  }

  static void writeOccurrence(JsonGenerator json, StoredOccurrence o) throws IOException {
    json.writeStartObject();
    json.writeStringField("rule_id", o.ruleId());
    json.writeStringField("source", o.source());
    json.writeNumberField("message_index", o.messageIndex());
    if (o.messageOffset() >= 0) {
      json.writeNumberField("message_offset", o.messageOffset());
    }
    json.writeStringField("message_id", o.messageId());
    writeStrings(json, "parts", parts(o));
    json.writeNumberField("line", o.line());
    json.writeStringField("from", o.from());
    json.writeStringField("sender", o.sender());
    json.writeStringField("reply_to", o.replyTo());
    json.writeStringField("to", o.to());
    json.writeStringField("cc", o.cc());
    json.writeStringField("date", o.date());
    json.writeStringField("date_utc", o.dateUtc());
    json.writeStringField("subject", o.subject());
    json.writeStringField("context", o.context());
    json.writeEndObject();
  }

  /** The part paths of an occurrence (stored {@code ;}-joined). */
  static List<String> parts(StoredOccurrence o) {
    return o.parts() == null || o.parts().isEmpty() ? List.of() : Arrays.asList(o.parts().split(";"));
  }

  private static void writeStrings(JsonGenerator json, String field, List<String> values) throws IOException {
    json.writeArrayFieldStart(field);
    for (String v : values) {
      json.writeString(v);
    }
    json.writeEndArray();
  }
}
