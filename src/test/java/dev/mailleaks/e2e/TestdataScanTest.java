package dev.mailleaks.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailleaks.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the real CLI over every archive in {@code testdata/} and checks the exact findings and error records
 * against the manifests the generator wrote beside them ({@code testdata/expected/}).
 */
class TestdataScanTest {
  private static final Path TESTDATA = Path.of("testdata");
  private static JsonNode report;
  private static int exitCode;
  private static String stdout;

  record Run(int exitCode, String out, String err) {}

  static Run scan(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeAll
  static void scanTestdata() throws IOException {
    Run run = scan("scan", "--no-datastore", "--no-progress", "--format", "json", "--threads", "2", TESTDATA.toString());
    exitCode = run.exitCode();
    stdout = run.out();
    report = new ObjectMapper().readTree(stdout);
  }

  /**
   * Rows of a manifest, without its header, from every fixture family: {@code expected/} (written by the Java
   * generator) and {@code outlook/} (copied Outlook stores and generated MH/EMLX, see its SOURCES.md).
   */
  private static List<String[]> manifest(String name) throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (String folder : List.of("expected", "outlook")) {
      List<String> lines = Files.readAllLines(TESTDATA.resolve(folder).resolve(name));
      for (String line : lines.subList(1, lines.size())) {
        if (!line.isBlank() && !line.startsWith("#")) {
          rows.add(line.split("\t", -1));
        }
      }
    }
    return rows;
  }

  @Test
  void findsExactlyThePlantedSecrets() throws IOException {
    TreeSet<String> expected = new TreeSet<>();
    for (String[] row : manifest("planted.tsv")) {
      expected.add(String.join(" | ", "testdata/" + row[0], row[1], row[2], row[3], row[4]));
    }
    TreeSet<String> actual = new TreeSet<>();
    for (JsonNode f : report.get("findings")) {
      actual.add(String.join(" | ", f.get("source").asText(), f.get("message_index").asText(), f.get("part").asText(),
          f.get("rule_id").asText(), f.get("fingerprint").asText()));
    }
    assertThat(actual).as("findings (source | message | part | rule | fingerprint)").isEqualTo(expected);
  }

  @Test
  void recordsExactlyTheExpectedErrors() throws IOException {
    TreeSet<String> expected = new TreeSet<>();
    for (String[] row : manifest("errors.tsv")) {
      expected.add(String.join(" | ", "testdata/" + row[0], row[1], row[2], row[3]));
    }
    TreeSet<String> actual = new TreeSet<>();
    for (JsonNode e : report.at("/scan/error_records")) {
      actual.add(String.join(" | ", e.get("input").asText(), e.has("message") ? e.get("message").asText() : "-",
          e.get("part").asText().isEmpty() ? "-" : e.get("part").asText(), e.get("kind").asText()));
    }
    assertThat(actual).as("error records (input | message | part | kind)").isEqualTo(expected);
  }

  @Test
  void exitsOneAndNeverPrintsAPlaintextSecret() throws IOException {
    assertThat(exitCode).isEqualTo(1);
    for (JsonNode f : report.get("findings")) {
      assertThat(f.has("secret")).isFalse();
    }
    Run withSecrets = scan("scan", "--no-datastore", "--no-progress", "--format", "jsonl", "--show-secrets", TESTDATA.toString());
    for (String line : withSecrets.out().lines().toList()) {
      String secret = new ObjectMapper().readTree(line).get("secret").asText();
      assertThat(stdout).as("a plaintext secret in the default report").doesNotContain(secret);
    }
  }

  @Test
  void countsWhatItRead() {
    JsonNode scan = report.get("scan");
    assertThat(scan.get("messages").asLong()).isGreaterThan(30);
    assertThat(scan.get("parts").asLong()).isGreaterThan(scan.get("messages").asLong());
    assertThat(scan.get("bytes").asLong()).isGreaterThan(0);
    assertThat(scan.at("/skipped_by_reason/image").asLong()).isPositive();
    assertThat(scan.get("findings").asLong()).isEqualTo(report.get("findings").size());
  }

  @Test
  void outputDoesNotDependOnTheThreadCount() throws IOException {
    Run single = scan("scan", "--no-datastore", "--no-progress", "--format", "json", "--threads", "1", TESTDATA.toString());
    JsonNode other = new ObjectMapper().readTree(single.out());
    assertThat(other.get("findings")).isEqualTo(report.get("findings"));
    assertThat(other.at("/scan/error_records")).isEqualTo(report.at("/scan/error_records"));
  }
}
