package dev.mailleaks.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.mailleaks.store.StoredOccurrence;
import dev.mailleaks.store.StoredScan;
import dev.mailleaks.store.StoredSecret;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0, for code-scanning dashboards: one rule per rule id, one result per occurrence. A result points at the
 * archive file (its {@code !}-joined path inside containers kept in the URI) and the line within the part's text,
 * and names the message and part as logical locations, since a mail archive has no better physical coordinates.
 * Only redacted secrets are written: SARIF files are uploaded to shared services.
 */
final class SarifReport implements StoreReport {
  static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  static final String FINGERPRINT_KEY = "secretFingerprint/v1";

  @Override
  public void write(StoreSnapshot snapshot, OutputStream out) throws IOException {
    Map<String, StoredOccurrence> rules = new LinkedHashMap<>();
    for (StoredOccurrence o : snapshot.occurrences()) {
      rules.putIfAbsent(o.ruleId(), o);
    }
    List<String> ruleIds = rules.keySet().stream().sorted().toList();
    Map<String, String> remediation = new LinkedHashMap<>();
    Map<String, StoredSecret> secrets = new LinkedHashMap<>();
    for (StoredSecret s : snapshot.secrets()) {
      remediation.putIfAbsent(s.ruleId(), s.remediation());
      secrets.put(s.fingerprint(), s);
    }

    JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8).useDefaultPrettyPrinter();
    json.writeStartObject();
    json.writeStringField("$schema", SCHEMA);
    json.writeStringField("version", "2.1.0");
    json.writeArrayFieldStart("runs");
    json.writeStartObject();

    json.writeObjectFieldStart("tool");
    json.writeObjectFieldStart("driver");
    json.writeStringField("name", snapshot.tool().name());
    json.writeStringField("version", snapshot.tool().version());
    json.writeArrayFieldStart("rules");
    for (String id : ruleIds) {
      writeRule(json, rules.get(id), remediation.getOrDefault(id, ""));
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndObject();

    json.writeArrayFieldStart("invocations");
    for (StoredScan scan : snapshot.scans()) {
      writeInvocation(json, scan);
    }
    json.writeEndArray();

    json.writeArrayFieldStart("results");
    for (StoredOccurrence o : snapshot.occurrences()) {
      StoredSecret secret = secrets.get(o.fingerprint());
      writeResult(json, o, ruleIds.indexOf(o.ruleId()), secret == null ? "" : secret.triageStatus(),
          snapshot.customersOf(o.fingerprint()));
    }
    json.writeEndArray();
    json.writeStringField("columnKind", "unicodeCodePoints");
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
    json.writeRaw('\n');
    json.flush();
  }

  private static void writeRule(JsonGenerator json, StoredOccurrence example, String remediation) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", example.ruleId());
    json.writeStringField("name", ruleName(example.ruleId(), example.ruleName()));
    text(json, "shortDescription", example.ruleName());
    text(json, "fullDescription", example.ruleName() + ": a " + example.provider() + " secret in mail ("
        + example.severity() + " severity). Whoever can read the mail can use it until it is rotated.");
    text(json, "help", remediation.isBlank() ? "Revoke or rotate the secret, then tell whoever sent it." : remediation);
    json.writeObjectFieldStart("defaultConfiguration");
    json.writeStringField("level", level(example.severity()));
    json.writeEndObject();
    json.writeObjectFieldStart("properties");
    json.writeArrayFieldStart("tags");
    json.writeString("security");
    json.writeString("secret");
    json.writeString(example.provider());
    json.writeEndArray();
    json.writeStringField("precision", "high");
    // GitHub code scanning ranks security results by this CVSS-like score.
    json.writeStringField("security-severity", securitySeverity(example.severity()));
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void writeInvocation(JsonGenerator json, StoredScan scan) throws IOException {
    json.writeStartObject();
    json.writeBooleanField("executionSuccessful", !scan.endedAt().isEmpty());
    if (!scan.startedAt().isEmpty()) {
      json.writeStringField("startTimeUtc", scan.startedAt());
    }
    if (!scan.endedAt().isEmpty()) {
      json.writeStringField("endTimeUtc", scan.endedAt());
    }
    json.writeObjectFieldStart("properties");
    json.writeNumberField("scanId", scan.id());
    json.writeStringField("toolVersion", scan.toolVersion());
    json.writeStringField("rulesVersion", scan.rulesVersion());
    json.writeNumberField("ruleCount", scan.ruleCount());
    json.writeStringField("options", scan.options());
    json.writeNumberField("inputs", scan.inputs());
    json.writeNumberField("inputsSkipped", scan.inputsSkipped());
    json.writeNumberField("messages", scan.messages());
    json.writeNumberField("findings", scan.findings());
    json.writeNumberField("errors", scan.errors());
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void writeResult(JsonGenerator json, StoredOccurrence o, int ruleIndex, String triageStatus,
      List<String> customers) throws IOException {
    json.writeStartObject();
    json.writeStringField("ruleId", o.ruleId());
    json.writeNumberField("ruleIndex", ruleIndex);
    json.writeStringField("level", level(o.severity()));
    text(json, "message", o.ruleName() + " (" + o.ruleId() + "): secret " + o.secretRedacted() + " in message "
        + o.messageIndex() + (o.messageId().isEmpty() ? "" : " " + o.messageId()) + " of " + o.source());
    json.writeArrayFieldStart("locations");
    json.writeStartObject();
    json.writeObjectFieldStart("physicalLocation");
    json.writeObjectFieldStart("artifactLocation");
    json.writeStringField("uri", artifactUri(o.source()));
    json.writeEndObject();
    if (o.line() > 0) {
      json.writeObjectFieldStart("region");
      json.writeNumberField("startLine", o.line());
      json.writeEndObject();
    }
    json.writeEndObject();
    json.writeArrayFieldStart("logicalLocations");
    String message = "message " + o.messageIndex() + (o.messageId().isEmpty() ? "" : " " + o.messageId());
    json.writeStartObject();
    json.writeStringField("name", message);
    json.writeStringField("fullyQualifiedName", o.source() + "#" + message);
    json.writeStringField("kind", "resource");
    json.writeEndObject();
    for (String part : StoreJson.parts(o)) {
      json.writeStartObject();
      json.writeStringField("name", "part " + part);
      json.writeStringField("fullyQualifiedName", o.source() + "#" + message + "/part " + part);
      json.writeStringField("kind", "element");
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndArray();
    json.writeObjectFieldStart("partialFingerprints");
    json.writeStringField(FINGERPRINT_KEY, o.fingerprint());
    json.writeEndObject();
    json.writeObjectFieldStart("properties");
    json.writeStringField("fingerprint", o.fingerprint());
    json.writeStringField("provider", o.provider());
    json.writeStringField("severity", o.severity());
    json.writeStringField("secretRedacted", o.secretRedacted());
    json.writeNumberField("messageIndex", o.messageIndex());
    if (o.messageOffset() >= 0) {
      json.writeNumberField("messageOffset", o.messageOffset());
    }
    json.writeStringField("messageId", o.messageId());
    json.writeStringField("from", o.from());
    json.writeStringField("date", o.date());
    json.writeStringField("subject", o.subject());
    json.writeStringField("triageStatus", triageStatus);
    json.writeArrayFieldStart("customers");
    for (String c : customers) {
      json.writeString(c);
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void text(JsonGenerator json, String field, String text) throws IOException {
    json.writeObjectFieldStart(field);
    json.writeStringField("text", text);
    json.writeEndObject();
  }

  static String level(String severity) {
    return switch (severity) {
      case "critical", "high" -> "error";
      case "medium" -> "warning";
      default -> "note";
    };
  }

  private static String securitySeverity(String severity) {
    return switch (severity) {
      case "critical" -> "9.5";
      case "high" -> "8.0";
      case "medium" -> "5.5";
      default -> "3.0";
    };
  }

  /**
   * A SARIF rule name: the rule's name in Pascal case ({@code JSON Web Token} becomes {@code JsonWebToken}), which
   * SARIF wants different from the id.
   */
  static String ruleName(String id, String humanName) {
    StringBuilder name = new StringBuilder();
    for (String word : humanName.split("[^A-Za-z0-9]+")) {
      if (!word.isEmpty()) {
        name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1).toLowerCase(Locale.ROOT));
      }
    }
    if (name.isEmpty() || name.toString().equalsIgnoreCase(id)) {
      name.append("Secret");
    }
    return name.toString();
  }

  /**
   * The archive path as a URI reference: an absolute path becomes a {@code file:} URI, a relative one stays
   * relative. Every byte outside RFC 3986's path characters is percent-encoded; the {@code !} that joins the
   * paths inside containers is a legal path character and stays, as in {@code jar:} URIs.
   */
  static String artifactUri(String source) {
    String path = source.replace('\\', '/');
    StringBuilder uri = new StringBuilder(path.startsWith("/") ? "file://" : "");
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "-._~!$&'()*+,;=@/".indexOf(c) >= 0;
      if (plain) {
        uri.append((char) c);
      } else {
        uri.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return uri.toString();
  }
}
