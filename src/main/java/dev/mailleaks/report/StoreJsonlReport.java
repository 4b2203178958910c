package dev.mailleaks.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.mailleaks.store.StoredSecret;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** One secret per line, each with its customers and occurrences: for {@code jq} and log pipelines. */
final class StoreJsonlReport implements StoreReport {
  @Override
  public void write(StoreSnapshot snapshot, OutputStream out) throws IOException {
    JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
    json.setRootValueSeparator(null);
    var occurrences = snapshot.occurrencesByFingerprint();
    for (StoredSecret s : snapshot.secrets()) {
      StoreJson.writeSecret(json, s, true, snapshot.customersOf(s.fingerprint()),
          occurrences.getOrDefault(s.fingerprint(), List.of()));
      json.writeRaw('\n');
    }
    json.flush();
  }
}
