package dev.mailleaks.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.mailleaks.findings.Finding;
import dev.mailleaks.findings.FindingSink;
import dev.mailleaks.findings.ScanSummary;
import java.io.IOException;
import java.io.OutputStream;

/** One finding per line, written as soon as it is known, for streaming consumers. */
public final class JsonlReport implements FindingSink {
  private final JsonGenerator json;

  public JsonlReport(OutputStream out) throws IOException {
    json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
    json.setRootValueSeparator(null);
  }

  @Override
  public void finding(Finding finding) throws IOException {
    FindingJson.write(json, finding);
    json.writeRaw('\n');
  }

  @Override
  public void end(ScanSummary summary) throws IOException {
    json.flush();
  }
}
