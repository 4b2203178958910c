package dev.mailleaks.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.mailleaks.findings.Finding;
import dev.mailleaks.findings.FindingSink;
import dev.mailleaks.findings.ScanSummary;
import dev.mailleaks.source.ErrorKind;
import dev.mailleaks.source.ErrorRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * One JSON document: {@code tool}, then {@code findings} streamed as they come (so memory does not grow with
 * their number), then {@code scan} with the totals, known only at the end.
 */
public final class JsonReport implements FindingSink {
  private final JsonGenerator json;

  public JsonReport(OutputStream out, ToolInfo tool) throws IOException {
    json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
    json.useDefaultPrettyPrinter();
    json.writeStartObject();
    json.writeObjectFieldStart("tool");
    json.writeStringField("name", tool.name());
    json.writeStringField("version", tool.version());
    json.writeEndObject();
    json.writeArrayFieldStart("findings");
  }

  @Override
  public void finding(Finding finding) throws IOException {
    FindingJson.write(json, finding);
  }

  @Override
  public void end(ScanSummary s) throws IOException {
    json.writeEndArray();
    json.writeObjectFieldStart("scan");
    json.writeNumberField("inputs", s.inputs());
    json.writeNumberField("messages", s.messages());
    json.writeNumberField("parts", s.parts());
    json.writeNumberField("bytes", s.bytes());
    json.writeNumberField("skipped", s.skipped());
    json.writeNumberField("errors", s.errors());
    json.writeNumberField("findings", s.findings());
    json.writeNumberField("inputs_unopened", s.inputsUnopened());
    json.writeNumberField("elapsed_seconds", s.elapsed().toMillis() / 1000.0);
    json.writeObjectFieldStart("rules");
    json.writeStringField("version", s.rulesVersion());
    json.writeNumberField("count", s.ruleCount());
    json.writeEndObject();
    json.writeObjectFieldStart("findings_by_rule");
    for (Map.Entry<String, Long> e : s.findingsByRule().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
      json.writeNumberField(e.getKey(), e.getValue());
    }
    json.writeEndObject();
    json.writeObjectFieldStart("skipped_by_reason");
    for (Map.Entry<String, Long> e : s.skippedByReason().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
      json.writeNumberField(e.getKey(), e.getValue());
    }
    json.writeEndObject();
    json.writeObjectFieldStart("errors_by_kind");
    for (ErrorKind kind : ErrorKind.values()) {
      Long count = s.errorsByKind().get(kind);
      if (count != null) {
        json.writeNumberField(kind.label(), count);
      }
    }
    json.writeEndObject();
    json.writeArrayFieldStart("error_records");
    for (ErrorRecord error : s.errorRecords()) {
      FindingJson.write(json, error);
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndObject();
    json.writeRaw('\n');
    json.flush();
  }
}
