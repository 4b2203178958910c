package dev.mailleaks.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailleaks.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The responder's workflow over {@code testdata/}: scan into a datastore, notify customers from
 * {@code testdata/customers/customers.csv}, triage, notify again; baselines and severity gates for CI.
 * Attribution is checked against {@code testdata/expected/attribution.tsv}, written by the generator.
 */
class NotifyWorkflowTest {
  private static final Path TESTDATA = Path.of("testdata");
  private static final Path CUSTOMERS = TESTDATA.resolve("customers/customers.csv");
  @TempDir static Path dir;
  private static Path db;

  record Run(int exitCode, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeAll
  static void scanIntoDatastore() {
    db = dir.resolve("findings.db");
    Run scan = run("scan", "--no-progress", "--datastore", db.toString(), "-f", "json", "-o",
        dir.resolve("first.json").toString(), TESTDATA.toString());
    assertThat(scan.exitCode()).isEqualTo(1);
  }

  @Test
  void datastoreIsOwnerOnly() throws IOException {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db))).isEqualTo("rw-------");
  }

  @Test
  void notifyAttributesExactlyAsExpected() throws IOException {
    Path out = dir.resolve("notify-exact");
    Run notify = notify(out);
    assertThat(notify.exitCode()).as(notify.err()).isZero();
    List<String> rows = new ArrayList<>();
    for (CSVRecord r : csv(out.resolve("notifications.csv"))) {
      rows.add(r.get("customer_id") + "\t" + r.get("fingerprint") + "\t" + r.get("role"));
    }
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expectedAttribution());
    assertThat(out.resolve("letters")).isDirectoryContaining(p -> p.getFileName().toString().equals("acme.md"));
    try (Stream<Path> letters = Files.list(out.resolve("letters"))) {
      assertThat(letters.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("acme.md", "globex.md", "initech.md", "umbrella.md");
    }
    String acme = Files.readString(out.resolve("letters/acme.md"));
    for (String line : expectedAttribution()) {
      if (line.startsWith("acme\t")) {
        assertThat(acme).contains(line.split("\t")[1]);
      }
    }
    assertThat(acme).contains("Acme Corp").contains("security@acme.example").doesNotContain("{{");
    // The internally-sent password has no customer: it is left for manual review.
    List<String> unattributed = csv(out.resolve("unattributed.csv")).stream().map(r -> r.get("fingerprint")).toList();
    assertThat(unattributed).contains(fingerprintOf("internal mail: unattributed"));
    assertThat(unattributed).doesNotContainAnyElementsOf(expectedAttribution().stream().map(l -> l.split("\t")[1]).toList());
    JsonNode json = new ObjectMapper().readTree(out.resolve("notifications.json").toFile());
    assertThat(json.get("notifications")).hasSize(rows.size());
    assertThat(json.get("notifications").get(0).has("remediation")).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("notifications.csv"))))
        .isEqualTo("rw-------");
    assertNoPlaintextSecrets(out);
  }

  @Test
  void triagedSecretsAreLeftOutUnlessIncludeAll() throws IOException {
    Path copy = dir.resolve("triage.db");
    Files.copy(db, copy);
    String umbrella = fingerprintOf("only the account the key names ties it to umbrella");
    Run triage = run("triage", "--datastore", copy.toString(), umbrella.substring(0, 12), "--status", "rotated",
        "--note", "rotated by Umbrella on the phone");
    assertThat(triage.exitCode()).as(triage.err()).isZero();
    Run history = run("triage", "--datastore", copy.toString(), "--history", umbrella);
    assertThat(history.out()).contains("rotated").contains("rotated by Umbrella on the phone");

    Path out = dir.resolve("notify-triaged");
    assertThat(run("notify", "--datastore", copy.toString(), "--customers", CUSTOMERS.toString(),
        "--internal-domain", "company.example", "-o", out.toString()).exitCode()).isZero();
    assertThat(csv(out.resolve("notifications.csv")).stream().map(r -> r.get("fingerprint"))).doesNotContain(umbrella);

    Path all = dir.resolve("notify-all");
    assertThat(run("notify", "--datastore", copy.toString(), "--customers", CUSTOMERS.toString(),
        "--internal-domain", "company.example", "--include-all", "--mark-notified", "-o", all.toString()).exitCode()).isZero();
    assertThat(csv(all.resolve("notifications.csv")).stream().map(r -> r.get("fingerprint"))).contains(umbrella);
    // --mark-notified recorded what was sent: the next list says so.
    Path again = dir.resolve("notify-again");
    run("notify", "--datastore", copy.toString(), "--customers", CUSTOMERS.toString(), "--internal-domain",
        "company.example", "-o", again.toString());
    assertThat(csv(again.resolve("notifications.csv")).stream().map(r -> r.get("triage_status")).distinct())
        .containsExactly("notified");
  }

  @Test
  void bulkTriageFromCsvChangesAllOrNothing() throws IOException {
    Path copy = dir.resolve("bulk.db");
    Files.copy(db, copy);
    String a = fingerprintOf("customer sends a key: acme sent-by");
    Path bad = dir.resolve("bad-triage.csv");
    Files.writeString(bad, "fingerprint,status,note\n" + a + ",confirmed,ok\n" + a + ",lost,typo\n");
    Run rejected = run("triage", "--datastore", copy.toString(), "--from-csv", bad.toString());
    assertThat(rejected.exitCode()).isEqualTo(2);
    assertThat(rejected.err()).contains("bad-triage.csv:3").contains("unknown status 'lost'");
    assertThat(run("triage", "--datastore", copy.toString(), "--history", a).out()).isEmpty();

    Path good = dir.resolve("good-triage.csv");
    Files.writeString(good, "fingerprint,status,note\n" + a + ",false-positive,a test key\n");
    assertThat(run("triage", "--datastore", copy.toString(), "--from-csv", good.toString()).exitCode()).isZero();
    assertThat(run("triage", "--datastore", copy.toString(), "--history", a).out()).contains("false-positive");
  }

  @Test
  void malformedCustomerFilesAreRefusedWithLineNumbers() throws IOException {
    Path missing = dir.resolve("missing-column.csv");
    Files.writeString(missing, "customer_id,customer_name,domains\nacme,Acme,acme.example\n");
    Run noColumn = notify(dir.resolve("n1"), missing);
    assertThat(noColumn.exitCode()).isEqualTo(2);
    assertThat(noColumn.err()).contains("missing-column.csv:1: missing column contacts");

    Path broken = dir.resolve("broken.csv");
    Files.writeString(broken, "customer_id,customer_name,domains,contacts\n"
        + "acme,Acme,acme.example,sec@acme.example\n"
        + "acme,Acme again,https://acme.example/,not-an-address\n"
        + ",Nobody,nobody.example,x@nobody.example\n"
        + "short,row\n");
    Run rejected = notify(dir.resolve("n2"), broken);
    assertThat(rejected.exitCode()).isEqualTo(2);
    assertThat(rejected.err())
        .contains("broken.csv:3: customer_id acme appears twice")
        .contains("broken.csv:3: 'https://acme.example/' is not a domain name")
        .contains("broken.csv:3: contact 'not-an-address' is not an email address")
        .contains("broken.csv:4: empty customer_id")
        .contains("broken.csv:5: 2 fields where the header has 4");
    assertThat(dir.resolve("n2")).doesNotExist();
  }

  @Test
  void baselineLetsOnlyNewSecretsFailTheJob() throws IOException {
    Path baseline = dir.resolve("baseline.json");
    Path copy = dir.resolve("baseline.db");
    Files.copy(db, copy);
    assertThat(run("baseline", "create", "--datastore", copy.toString(), "-o", baseline.toString()).exitCode()).isZero();
    Run known = run("scan", "--no-progress", "--no-datastore", "--baseline", baseline.toString(), TESTDATA.toString());
    assertThat(known.exitCode()).as("every secret is in the baseline").isZero();
    assertThat(known.err()).contains("finding(s) of secrets in the baseline left out");

    // A previous JSON report works as a baseline too; a new secret beside the known ones fails the job.
    Path fresh = dir.resolve("fresh");
    Files.createDirectories(fresh);
    Files.writeString(fresh.resolve("new.eml"), "From: a@b.example\nTo: c@d.example\nSubject: new\n\n"
        + "aws_access_key_id = AKIAQ3RZX7VNW5TPLK2M\n");
    Run newOne = run("scan", "--no-progress", "--no-datastore", "--baseline", dir.resolve("first.json").toString(),
        "-f", "jsonl", TESTDATA.toString(), fresh.toString());
    assertThat(newOne.exitCode()).isEqualTo(1);
    assertThat(newOne.out().lines()).hasSize(1).allMatch(l -> l.contains("new.eml"));
  }

  @Test
  void failOnSetsTheExitCodeBySeverity() throws IOException {
    Path one = dir.resolve("one-medium");
    Files.createDirectories(one);
    Files.writeString(one.resolve("m.eml"), "From: a@b.example\nTo: c@d.example\nSubject: s\n\nThe wifi password is Tr4mp0l1n3Q\n");
    Run medium = run("scan", "--no-progress", "--no-datastore", "-f", "jsonl", one.toString());
    String severity = new ObjectMapper().readTree(medium.out().lines().findFirst().orElseThrow()).get("severity").asText();
    assertThat(medium.exitCode()).isEqualTo(1);
    String above = switch (severity) {
      case "low" -> "medium";
      case "medium" -> "high";
      default -> "critical";
    };
    if (!severity.equals("critical")) {
      assertThat(run("scan", "--no-progress", "--no-datastore", "--fail-on", above, one.toString()).exitCode()).isZero();
    }
    assertThat(run("scan", "--no-progress", "--no-datastore", "--fail-on", severity, one.toString()).exitCode()).isEqualTo(1);
    assertThat(run("scan", "--no-progress", "--no-datastore", "--fail-on", "urgent", one.toString()).exitCode()).isEqualTo(2);
  }

  @Test
  void aSecondScanTakesUnchangedInputsFromTheDatastoreAndReportsTheSame() throws IOException {
    Path copy = dir.resolve("rescan.db");
    Files.copy(db, copy);
    Path second = dir.resolve("second.json");
    Run again = run("scan", "--no-progress", "--datastore", copy.toString(), "-f", "json", "-o", second.toString(),
        TESTDATA.toString());
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("unchanged since an earlier scan");
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readTree(second.toFile()).get("findings"))
        .isEqualTo(json.readTree(dir.resolve("first.json").toFile()).get("findings"));
  }

  private static Run notify(Path out) {
    return notify(out, CUSTOMERS);
  }

  private static Run notify(Path out, Path customers) {
    return run("notify", "--datastore", db.toString(), "--customers", customers.toString(), "--internal-domain",
        "company.example", "-o", out.toString());
  }

  private static List<String> expectedAttribution() throws IOException {
    List<String> lines = Files.readAllLines(TESTDATA.resolve("expected/attribution.tsv"));
    return lines.subList(1, lines.size());
  }

  /** The fingerprint of a planted secret, by its note in the manifest. */
  private static String fingerprintOf(String note) throws IOException {
    return Files.readAllLines(TESTDATA.resolve("expected/planted.tsv")).stream().map(l -> l.split("\t"))
        .filter(f -> f.length > 5 && f[5].equals(note)).map(f -> f[4]).findFirst().orElseThrow();
  }

  private static List<CSVRecord> csv(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      return parser.getRecords();
    }
  }

  /** Notification files carry redacted secrets only. */
  private static void assertNoPlaintextSecrets(Path folder) throws IOException {
    Run plain = run("scan", "--no-progress", "--no-datastore", "--show-secrets", "-f", "jsonl",
        TESTDATA.resolve("customers").toString());
    List<String> secrets = plain.out().lines().map(l -> {
      try {
        return new ObjectMapper().readTree(l).get("secret").asText();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
    assertThat(secrets).isNotEmpty();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(f);
        for (String s : secrets) {
          assertThat(text).as(f.toString()).doesNotContain(s);
        }
      }
    }
  }
}
