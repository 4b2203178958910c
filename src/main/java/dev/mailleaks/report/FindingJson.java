package dev.mailleaks.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.mailleaks.findings.Finding;
import dev.mailleaks.source.ErrorRecord;
import java.io.IOException;

/** The JSON shape of a finding and an error record, shared by the JSON and JSONL reports. */
final class FindingJson {
  private FindingJson() {}

  static void write(JsonGenerator json, Finding f) throws IOException {
    json.writeStartObject();
    json.writeStringField("rule_id", f.ruleId());
    json.writeStringField("rule_name", f.ruleName());
    json.writeStringField("severity", f.severity());
    json.writeStringField("fingerprint", f.fingerprint());
    json.writeStringField("secret_redacted", f.secretRedacted());
    if (f.secret() != null) {
      json.writeStringField("secret", f.secret());
    }
    json.writeStringField("source", f.source());
    json.writeStringField("message_id", f.messageId());
    json.writeNumberField("message_index", f.messageIndex());
    if (f.messageOffset() >= 0) {
      json.writeNumberField("message_offset", f.messageOffset());
    }
    json.writeStringField("part", f.part());
    json.writeArrayFieldStart("parts");
    for (String part : f.parts()) {
      json.writeString(part);
    }
    json.writeEndArray();
    json.writeNumberField("line", f.line());
    json.writeStringField("from", f.from());
    json.writeStringField("to", f.to());
    json.writeStringField("cc", f.cc());
    json.writeStringField("date", f.date());
    json.writeStringField("subject", f.subject());
    json.writeStringField("context", f.context());
    json.writeEndObject();
  }

  static void write(JsonGenerator json, ErrorRecord e) throws IOException {
    json.writeStartObject();
    json.writeStringField("input", e.input());
    if (e.messageIndex() > 0) {
      json.writeNumberField("message", e.messageIndex());
    }
    json.writeStringField("part", e.part());
    json.writeStringField("kind", e.kind().label());
    json.writeStringField("reason", e.reason());
    json.writeEndObject();
  }
}
