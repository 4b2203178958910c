package dev.mailleaks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailleaks.store.StoredOccurrence;
import dev.mailleaks.store.StoredScan;
import dev.mailleaks.store.StoredSecret;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Unit tests for the datastore reports, over a snapshot whose mail headers are hostile: a subject that is a
 * spreadsheet formula, a From that closes the script element, a JavaScript line separator, archive paths with
 * spaces, {@code #}, {@code %} and non-ASCII names.
 */
class StoreReportFormatTest {
  static final String AWS = "a".repeat(64);
  static final String PASSWORD = "b".repeat(64);
  static final String AWS_PLAINTEXT = "AKIAQ3RZX7VNW5TPLK2M";
  static final String HOSTILE_FROM = "</script><script>alert(1)</script> <evil@attacker.example>";
  static final String FORMULA_SUBJECT = "=HYPERLINK(\"http://attacker.example\",\"open\")";

  static StoreSnapshot snapshot(boolean withPlaintext) {
    StoredScan scan = new StoredScan(1, "2026-12-01T10:00:00.123Z", "2026-12-01T10:01:00Z", "0.1.0", "abc", 257,
        "rules=default", 2, 0, 3, 3, 0);
    StoredScan killed = new StoredScan(2, "2026-12-02T10:00:00Z", "", "0.1.0", "abc", 257, "rules=default", 1, 0, 0, 0, 0);
    StoredSecret aws = new StoredSecret(AWS, "aws.access-key-id", "AWS access key ID", "AWS", "critical", "AKIAQ3…",
        withPlaintext ? AWS_PLAINTEXT : null, "2024-01-05T09:00:00Z", "2024-03-02T08:00:00Z", 2,
        List.of("/mail/export 2024.zip"), List.of("<a@x>"), List.of(HOSTILE_FROM), List.of("aws:123456789012"), "open",
        "Deactivate the key in IAM.");
    StoredSecret password = new StoredSecret(PASSWORD, "password.labelled", "Labelled password", "Generic", "medium", "",
        null, "", "", 1, List.of("/mail/Ünïcode #1 100%.mbox"), List.of(), List.of(), List.of(), "false-positive", "");
    StoredOccurrence aws1 = occurrence(AWS, "aws.access-key-id", "AWS access key ID", "AWS", "critical", "AKIAQ3…",
        "/mail/export 2024.zip!Takeout/Mail/All mail.mbox", 1, 0, "<a@x>", "1;2/keys.zip!.env", 4, HOSTILE_FROM,
        "Fri, 05 Jan 2024 10:00:00 +0100", "2024-01-05T09:00:00Z", FORMULA_SUBJECT);
    StoredOccurrence aws2 = occurrence(AWS, "aws.access-key-id", "AWS access key ID", "AWS", "critical", "AKIAQ3…",
        "/mail/export 2024.zip!Takeout/Mail/All mail.mbox", 7, 4096, "", "1", 2, "ops@acme.example",
        "Sat, 02 Mar 2024 08:00:00 +0000", "2024-03-02T08:00:00Z", "keys\u2028again");
    StoredOccurrence pw = occurrence(PASSWORD, "password.labelled", "Labelled password", "Generic", "medium", "",
        "relative/Ünïcode #1 100%.mbox", 3, -1, "<p@x>", "headers", 0, "+1 dial@x.example", "", "", "-pw");
    return new StoreSnapshot(new ToolInfo("mailleaks", "0.1.0"), List.of(scan, killed), List.of(aws, password),
        List.of(aws1, aws2, pw), Map.of(AWS, List.of("Acme Corp", "Globex, Inc.")));
  }

  static StoredOccurrence occurrence(String fingerprint, String ruleId, String ruleName, String provider, String severity,
      String redacted, String source, long index, long offset, String messageId, String parts, int line, String from,
      String date, String dateUtc, String subject) {
    return new StoredOccurrence(fingerprint, ruleId, ruleName, provider, severity, redacted, source, index, offset,
        messageId, parts, line, from, "", "", "to@acme.example", "", date, dateUtc, subject, "key = AKIAQ3…");
  }

  static String render(StoreReportFormat format, StoreSnapshot snapshot) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    format.report().write(snapshot, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void formatsAreNamedCaseInsensitively() {
    assertThat(StoreReportFormat.of("SARIF")).isEqualTo(StoreReportFormat.SARIF);
    assertThat(StoreReportFormat.of(" html ")).isEqualTo(StoreReportFormat.HTML);
    assertThatThrownBy(() -> StoreReportFormat.of("xml")).hasMessageContaining("json, jsonl, csv, sarif, html");
  }

  @Test
  void noReportCarriesAPlaintextTheSnapshotDoesNotHave() throws IOException {
    for (StoreReportFormat format : StoreReportFormat.values()) {
      assertThat(render(format, snapshot(false))).as(format.name()).doesNotContain(AWS_PLAINTEXT);
    }
  }

  @Nested
  class Json {
    @Test
    void isOneDocumentWithScansSecretsTheirOccurrencesAndCustomers() throws IOException {
      JsonNode doc = JSON.readTree(render(StoreReportFormat.JSON, snapshot(false)));
      assertThat(doc.at("/tool/name").asText()).isEqualTo("mailleaks");
      assertThat(doc.get("scans")).hasSize(2);
      assertThat(doc.at("/scans/1/ended_at").asText()).isEmpty();
      JsonNode aws = doc.at("/secrets/0");
      assertThat(aws.get("fingerprint").asText()).isEqualTo(AWS);
      assertThat(aws.get("occurrence_count").asLong()).isEqualTo(2);
      assertThat(aws.get("occurrences")).hasSize(2);
      assertThat(aws.at("/occurrences/0/parts").toString()).isEqualTo("[\"1\",\"2/keys.zip!.env\"]");
      assertThat(aws.at("/occurrences/0/from").asText()).isEqualTo(HOSTILE_FROM);
      assertThat(aws.at("/occurrences/1/message_offset").asLong()).isEqualTo(4096);
      assertThat(doc.at("/secrets/1/occurrences/0").has("message_offset")).isFalse();
      assertThat(aws.get("customers").toString()).isEqualTo("[\"Acme Corp\",\"Globex, Inc.\"]");
      assertThat(aws.has("secret")).isFalse();
      assertThat(doc.get("customers")).hasSize(2);
      assertThat(doc.at("/customers/1/name").asText()).isEqualTo("Globex, Inc.");
      assertThat(doc.at("/customers/1/fingerprints/0").asText()).isEqualTo(AWS);
    }

    @Test
    void carriesPlaintextOnlyWhenTheSnapshotDoes() throws IOException {
      JsonNode doc = JSON.readTree(render(StoreReportFormat.JSON, snapshot(true)));
      assertThat(doc.at("/secrets/0/secret").asText()).isEqualTo(AWS_PLAINTEXT);
      assertThat(doc.at("/secrets/1").has("secret")).isFalse();
    }
  }

  @Nested
  class Jsonl {
    @Test
    void writesOneSecretPerLineWithItsOccurrences() throws IOException {
      List<String> lines = render(StoreReportFormat.JSONL, snapshot(false)).lines().toList();
      assertThat(lines).hasSize(2);
      assertThat(JSON.readTree(lines.get(0)).get("occurrences")).hasSize(2);
      assertThat(JSON.readTree(lines.get(1)).get("triage_status").asText()).isEqualTo("false-positive");
      // The U+2028 in a subject stays inside its JSON string: the line count holds.
      assertThat(JSON.readTree(lines.get(0)).at("/occurrences/1/subject").asText()).isEqualTo("keys\u2028again");
    }
  }

  @Nested
  class Csv {
    @Test
    void writesOneRowPerOccurrenceAfterAByteOrderMark() throws IOException {
      String csv = render(StoreReportFormat.CSV, snapshot(false));
      assertThat(csv).startsWith("\uFEFFfingerprint,rule_id,");
      List<CSVRecord> rows = parse(csv);
      assertThat(rows).hasSize(3);
      assertThat(rows.get(0).get("customers")).isEqualTo("Acme Corp;Globex, Inc.");
      assertThat(rows.get(0).get("triage_status")).isEqualTo("open");
      assertThat(rows.get(0).get("parts")).isEqualTo("1;2/keys.zip!.env");
      assertThat(rows.get(1).get("message_offset")).isEqualTo("4096");
      assertThat(rows.get(2).get("message_offset")).isEmpty();
      assertThat(rows.get(0).isMapped("secret")).isFalse();
    }

    @Test
    void defusesEveryCellASpreadsheetWouldRunAsAFormula() throws IOException {
      List<CSVRecord> rows = parse(render(StoreReportFormat.CSV, snapshot(false)));
      assertThat(rows.get(0).get("subject")).isEqualTo("'" + FORMULA_SUBJECT);
      assertThat(rows.get(2).get("from")).isEqualTo("'+1 dial@x.example");
      assertThat(rows.get(2).get("subject")).isEqualTo("'-pw");
      assertThat(SpreadsheetCells.defuse("@SUM(A1)")).isEqualTo("'@SUM(A1)");
      assertThat(SpreadsheetCells.defuse("\t=1")).isEqualTo("'\t=1");
      assertThat(SpreadsheetCells.defuse("\r=1")).isEqualTo("'\r=1");
      assertThat(SpreadsheetCells.defuse("a=1")).isEqualTo("a=1");
    }

    @Test
    void addsTheSecretColumnOnlyWhenTheSnapshotCarriesPlaintext() throws IOException {
      List<CSVRecord> rows = parse(render(StoreReportFormat.CSV, snapshot(true)));
      assertThat(rows.get(0).get("secret")).isEqualTo(AWS_PLAINTEXT);
      assertThat(rows.get(2).get("secret")).isEmpty();
    }

    private List<CSVRecord> parse(String csv) throws IOException {
      return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(new StringReader(csv.substring(1))).getRecords();
    }
  }

  @Nested
  class Sarif {
    @Test
    void isValidAgainstTheSarifSchema() throws IOException {
      assertThat(SarifSchema.errors(render(StoreReportFormat.SARIF, snapshot(false)))).isEmpty();
    }

    @Test
    void theSchemaCheckCatchesAnInvalidDocument() {
      assertThat(SarifSchema.errors("{\"version\":\"2.1.0\",\"runs\":[{\"results\":[]}]}")).isNotEmpty();
      assertThat(SarifSchema.errors("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\"}},"
          + "\"invocations\":[{\"executionSuccessful\":true,\"startTimeUtc\":\"yesterday\"}]}]}")).isNotEmpty();
    }

    @Test
    void describesEachRuleOnceAndEachOccurrenceAsAResult() throws IOException {
      JsonNode run = JSON.readTree(render(StoreReportFormat.SARIF, snapshot(false))).at("/runs/0");
      assertThat(run.at("/tool/driver/name").asText()).isEqualTo("mailleaks");
      assertThat(run.at("/tool/driver/version").asText()).isEqualTo("0.1.0");
      assertThat(run.at("/tool/driver/informationUri").isMissingNode()).isTrue(); // the project has no web page to name
      JsonNode rules = run.at("/tool/driver/rules");
      assertThat(rules).hasSize(2);
      assertThat(rules.at("/0/id").asText()).isEqualTo("aws.access-key-id");
      assertThat(rules.at("/0/name").asText()).isEqualTo("AwsAccessKeyId");
      assertThat(rules.at("/0/help/text").asText()).isEqualTo("Deactivate the key in IAM.");
      assertThat(rules.at("/0/defaultConfiguration/level").asText()).isEqualTo("error");
      assertThat(run.get("invocations")).hasSize(2);
      assertThat(run.at("/invocations/1/executionSuccessful").asBoolean()).isFalse();

      JsonNode results = run.get("results");
      assertThat(results).hasSize(3);
      JsonNode first = results.get(0);
      assertThat(first.get("ruleIndex").asInt()).isZero();
      assertThat(first.at("/message/text").asText()).contains("AWS access key ID").contains("AKIAQ3…");
      assertThat(first.at("/partialFingerprints/secretFingerprint~1v1").asText()).isEqualTo(AWS);
      assertThat(first.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
          .isEqualTo("file:///mail/export%202024.zip!Takeout/Mail/All%20mail.mbox");
      assertThat(first.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(4);
      assertThat(first.at("/locations/0/logicalLocations/0/name").asText()).isEqualTo("message 1 <a@x>");
      assertThat(first.at("/locations/0/logicalLocations/2/name").asText()).isEqualTo("part 2/keys.zip!.env");
      assertThat(results.at("/2/level").asText()).isEqualTo("warning");
      // Line 0 (a header) has no region: SARIF lines start at 1.
      assertThat(results.at("/2/locations/0/physicalLocation").has("region")).isFalse();
      assertThat(results.at("/2/locations/0/physicalLocation/artifactLocation/uri").asText())
          .isEqualTo("relative/%C3%9Cn%C3%AFcode%20%231%20100%25.mbox");
    }

    @Test
    void neverCarriesPlaintext() throws IOException {
      assertThat(render(StoreReportFormat.SARIF, snapshot(true))).doesNotContain(AWS_PLAINTEXT);
    }

    @Test
    void ruleNamesDifferFromIds() {
      assertThat(SarifReport.ruleName("jwt", "JSON Web Token")).isEqualTo("JsonWebToken");
      assertThat(SarifReport.ruleName("jwt", "JWT")).isEqualTo("JwtSecret");
    }
  }

  @Nested
  class Html {
    @Test
    void isOneFileThatLoadsNothingAndAllowsOnlyItsOwnScriptAndStyle() throws IOException {
      String html = render(StoreReportFormat.HTML, snapshot(false));
      assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?(https?:)?//");
      assertThat(html).doesNotContainPattern("(?i)@import|url\\(");
      Matcher csp = Pattern.compile("http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\"").matcher(html);
      assertThat(csp.find()).isTrue();
      assertThat(csp.group(1)).startsWith("default-src 'none';").doesNotContain("unsafe-inline");
      Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
      assertThat(script.find()).isTrue();
      assertThat(csp.group(1)).contains("script-src '" + HtmlReport.sha256(script.group(1)) + "'");
      Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(html);
      assertThat(style.find()).isTrue();
      assertThat(csp.group(1)).contains("style-src '" + HtmlReport.sha256(style.group(1)) + "'");
    }

    @Test
    void hostileHeadersCannotLeaveTheDataBlock() throws IOException {
      String html = render(StoreReportFormat.HTML, snapshot(false));
      // One data block and one script: the From's </script><script> is escaped inside the JSON.
      assertThat(Pattern.compile("<script").matcher(html).results().count()).isEqualTo(2);
      assertThat(html).doesNotContain("alert(1)</script>").doesNotContain("\u2028");
      JsonNode data = JSON.readTree(dataBlock(html));
      assertThat(data.at("/secrets/0/occurrences/0/from").asText()).isEqualTo(HOSTILE_FROM);
      assertThat(data.at("/secrets/0/occurrences/1/subject").asText()).isEqualTo("keys\u2028again");
      assertThat(data.at("/secrets/0/customers/0").asText()).isEqualTo("Acme Corp");
      assertThat(data.get("customer_directory").asBoolean()).isTrue();
    }

    @Test
    void neverCarriesPlaintextEvenWhenTheSnapshotDoes() throws IOException {
      String html = render(StoreReportFormat.HTML, snapshot(true));
      assertThat(html).doesNotContain(AWS_PLAINTEXT);
      assertThat(JSON.readTree(dataBlock(html)).at("/secrets/0").has("secret")).isFalse();
    }

    @Test
    void escapesWhatItWritesAsMarkup() {
      assertThat(HtmlReport.escape("<b a=\"1\" b='2'>&</b>"))
          .isEqualTo("&lt;b a=&quot;1&quot; b=&#39;2&#39;&gt;&amp;&lt;/b&gt;");
    }

    private String dataBlock(String html) {
      Matcher m = Pattern.compile("<script type=\"application/json\" id=\"report-data\">(.*?)</script>", Pattern.DOTALL)
          .matcher(html);
      assertThat(m.find()).isTrue();
      assertThat(m.group(1)).doesNotContain("<").doesNotContain(">");
      return m.group(1);
    }
  }
}
