package dev.mailleaks.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.mailleaks.store.StoredSecret;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JSON document: {@code tool}, {@code scans}, {@code secrets} (each with its {@code occurrences}) and
 * {@code customers} (each with the fingerprints of its secrets; empty without a customer directory).
 */
final class StoreJsonReport implements StoreReport {
  @Override
  public void write(StoreSnapshot snapshot, OutputStream out) throws IOException {
    JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8).useDefaultPrettyPrinter();
    json.writeStartObject();
    StoreJson.writeToolScansAndSecrets(json, snapshot, true);
    json.writeArrayFieldStart("customers");
    for (Map.Entry<String, List<String>> c : secretsByCustomer(snapshot).entrySet()) {
      json.writeStartObject();
      json.writeStringField("name", c.getKey());
      json.writeArrayFieldStart("fingerprints");
      for (String fingerprint : c.getValue()) {
        json.writeString(fingerprint);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeRaw('\n');
    json.flush();
  }

  /** Customer name to the fingerprints of its secrets, customers in order of their first secret. */
  static Map<String, List<String>> secretsByCustomer(StoreSnapshot snapshot) {
    Map<String, List<String>> byCustomer = new LinkedHashMap<>();
    for (StoredSecret s : snapshot.secrets()) {
      for (String customer : snapshot.customersOf(s.fingerprint())) {
        byCustomer.computeIfAbsent(customer, k -> new ArrayList<>()).add(s.fingerprint());
      }
    }
    return byCustomer;
  }
}
