package dev.mailleaks.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailleaks.cli.Main;
import dev.mailleaks.report.SarifSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mailleaks report} in every format over a datastore the real CLI filled from {@code testdata/}. The scan
 * records plaintexts ({@code --show-secrets}), so the tests also show that only {@code report --show-secrets}
 * lets them out, and never into SARIF or HTML.
 */
class ReportFormatsTest {
  private static final Path TESTDATA = Path.of("testdata");
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  private static Path db;
  /** Fingerprint to plaintext of every planted secret the scan found. */
  private static Map<String, String> planted;
  private static JsonNode json;
  private static long occurrences;

  record Run(int exitCode, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeAll
  static void scanAndReportJson() throws IOException {
    db = dir.resolve("findings.db");
    Run scan = run("scan", "--no-progress", "--show-secrets", "--datastore", db.toString(), "-f", "jsonl",
        TESTDATA.toString());
    assertThat(scan.exitCode()).as(scan.err()).isEqualTo(1);
    Set<String> plantedFingerprints = new HashSet<>();
    List<String> manifest = Files.readAllLines(TESTDATA.resolve("expected/planted.tsv"));
    for (String line : manifest.subList(1, manifest.size())) {
      plantedFingerprints.add(line.split("\t")[4]);
    }
    planted = new LinkedHashMap<>();
    scan.out().lines().map(ReportFormatsTest::tree).filter(f -> plantedFingerprints.contains(f.get("fingerprint").asText()))
        .forEach(f -> planted.put(f.get("fingerprint").asText(), f.get("secret").asText()));
    assertThat(planted).hasSizeGreaterThan(50);

    json = JSON.readTree(report("json", "report.json", "--customers", "testdata/customers/customers.csv",
        "--internal-domain", "company.example"));
    for (JsonNode secret : json.get("secrets")) {
      occurrences += secret.get("occurrences").size();
    }
  }

  @Test
  void jsonHoldsEveryPlantedSecretWithItsOccurrencesAndCustomers() throws IOException {
    assertThat(json.get("scans")).hasSize(1);
    List<String> fingerprints = new ArrayList<>();
    json.get("secrets").forEach(s -> fingerprints.add(s.get("fingerprint").asText()));
    assertThat(fingerprints).containsAll(planted.keySet());
    for (JsonNode secret : json.get("secrets")) {
      assertThat(secret.get("occurrences").size()).isEqualTo(secret.get("occurrence_count").asInt());
    }
    // Every secret the generator attributed to a customer is attributed in the report.
    List<String> attribution = Files.readAllLines(TESTDATA.resolve("expected/attribution.tsv"));
    Map<String, JsonNode> byFingerprint = new LinkedHashMap<>();
    json.get("secrets").forEach(s -> byFingerprint.put(s.get("fingerprint").asText(), s));
    for (String line : attribution.subList(1, attribution.size())) {
      assertThat(byFingerprint.get(line.split("\t")[1]).get("customers")).as(line).isNotEmpty();
    }
    assertThat(json.get("customers")).isNotEmpty();
    assertNoPlaintext(Files.readString(dir.resolve("report.json")));
  }

  @Test
  void jsonlHasOneLinePerSecret() throws IOException {
    String jsonl = report("jsonl", "report.jsonl");
    assertThat(jsonl.lines()).hasSize(json.get("secrets").size());
    assertNoPlaintext(jsonl);
  }

  @Test
  void csvHasOneRowPerOccurrence() throws IOException {
    String csv = report("csv", "report.csv");
    assertThat(csv).startsWith("\uFEFF");
    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(csv.substring(1))).getRecords();
    assertThat(rows).hasSize((int) occurrences);
    assertNoPlaintext(csv);
  }

  @Test
  void sarifIsValidSarif210() throws IOException {
    String sarif = report("sarif", "report.sarif");
    assertThat(SarifSchema.errors(sarif)).isEmpty();
    assertThat(JSON.readTree(sarif).at("/runs/0/results")).hasSize((int) occurrences);
    assertNoPlaintext(sarif);
  }

  @Test
  void htmlLoadsNothingFromOutsideAndShowsNoPlaintextEvenWhenAskedTo() throws IOException {
    String html = report("html", "report.html", "--show-secrets");
    assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?(https?:)?//");
    assertThat(html).doesNotContainPattern("(?i)<link|@import|url\\(");
    assertNoPlaintext(html);
  }

  @Test
  void showSecretsLetsPlaintextIntoJsonButNotIntoSarif() throws IOException {
    String withSecrets = report("json", "plain.json", "--show-secrets");
    String aws = planted.values().stream().filter(s -> s.startsWith("AKIA")).findFirst().orElseThrow();
    assertThat(withSecrets).contains(aws);
    assertThat(report("sarif", "plain.sarif", "--show-secrets")).doesNotContain(aws);
  }

  @Test
  void writesToStdoutWithoutOutputAndOwnerOnlyFilesWithIt() throws IOException {
    Run stdout = run("report", "--datastore", db.toString(), "--format", "jsonl");
    assertThat(stdout.exitCode()).isZero();
    assertThat(stdout.out().lines()).hasSize(json.get("secrets").size());
    report("csv", "owner.csv");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("owner.csv"))))
        .isEqualTo("rw-------");
  }

  @Test
  void aMissingDatastoreOrFormatIsAClearError() {
    Run missing = run("report", "--datastore", dir.resolve("nope.db").toString(), "--format", "json");
    assertThat(missing.exitCode()).isEqualTo(3);
    assertThat(missing.err()).contains("no datastore at").contains("nope.db");
    assertThat(dir.resolve("nope.db")).doesNotExist();
    Run badFormat = run("report", "--datastore", db.toString(), "--format", "xml");
    assertThat(badFormat.exitCode()).isEqualTo(2);
    assertThat(badFormat.err()).contains("unknown report format 'xml'");
    assertThat(run("report", "--datastore", db.toString()).err()).contains("--format");
  }

  private static String report(String format, String file, String... more) throws IOException {
    List<String> args = new ArrayList<>(List.of("report", "--datastore", db.toString(), "--format", format, "-o",
        dir.resolve(file).toString()));
    args.addAll(List.of(more));
    Run run = run(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
  }

  private static void assertNoPlaintext(String report) {
    for (Map.Entry<String, String> secret : planted.entrySet()) {
      assertThat(report).as("plaintext of %s", secret.getKey()).doesNotContain(secret.getValue());
    }
  }

  private static JsonNode tree(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
