package dev.mailleaks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan command through the real entry point: exit codes, formats, secrecy of output. */
class ScanCommandTest {
  static final String AWS_KEY = "AKIAZ5MLK3QNPQRS7AXB";
  static final String MESSAGE = """
      From: Alice <alice@customer.example>
      To: ops@company.example
      Subject: the key
      Message-ID: <m1@customer.example>
      Date: Mon, 1 Jan 2024 10:00:00 +0000

      Here it is: %s
      """;

  @TempDir Path dir;

  private Path eml(String name, String body) throws IOException {
    return Files.writeString(dir.resolve(name), body);
  }

  @Nested
  class ExitCodes_ {
    @Test
    void oneWhenSecretsAreFound() throws IOException {
      CliRun run = CliRun.of("scan", "--no-datastore", "--no-progress", eml("a.eml", MESSAGE.formatted(AWS_KEY)).toString());
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out()).contains("aws.access-key-id").doesNotContain(AWS_KEY);
    }

    @Test
    void zeroWhenClean() throws IOException {
      CliRun run = CliRun.of("scan", "--no-datastore", "--no-progress", eml("a.eml", MESSAGE.formatted("nothing secret")).toString());
      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).contains("No secrets found.", "messages 1");
    }

    @Test
    void twoOnUsageErrorsWithAShortMessage() {
      CliRun run = CliRun.of("scan", "--format", "xml", "x");
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).startsWith("mailleaks: Invalid value for option '--format'")
          .contains("Try 'mailleaks scan --help'");
      assertThat(CliRun.of("scan").exitCode()).isEqualTo(2);
      assertThat(CliRun.of("scan", "--no-such-flag", "x").exitCode()).isEqualTo(2);
    }

    @Test
    void twoOnBrokenRuleFiles() throws IOException {
      Path rules = Files.writeString(dir.resolve("r.yml"), "rules:\n  - id: x\n");
      CliRun run = CliRun.of("scan", "--no-datastore", "--rules", rules.toString(), dir.toString());
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("rule files cannot be used", "[x]: missing 'name'");
    }

    @Test
    void threeWhenAnInputCannotBeOpenedButResultsAreStillWritten() throws IOException {
      Path good = eml("a.eml", MESSAGE.formatted(AWS_KEY));
      CliRun run = CliRun.of("scan", "--no-datastore", "--no-progress", "--format", "json", good.toString(), dir.resolve("missing.mbox").toString());
      assertThat(run.exitCode()).isEqualTo(3);
      JsonNode json = new ObjectMapper().readTree(run.out());
      assertThat(json.at("/findings/0/rule_id").asText()).isEqualTo("aws.access-key-id");
      assertThat(json.at("/scan/error_records/0/kind").asText()).isEqualTo("io-error");
    }

    @Test
    void strictTurnsPartErrorsIntoExitThree() throws IOException {
      Path broken = eml("b.eml", "Content-Type: application/pdf; name=x.pdf\n\n%PDF-1.4 not really\n");
      assertThat(CliRun.of("scan", "--no-datastore", "--no-progress", broken.toString()).exitCode()).isZero();
      assertThat(CliRun.of("scan", "--no-datastore", "--no-progress", "--strict", broken.toString()).exitCode()).isEqualTo(3);
    }
  }

  @Nested
  class Output {
    @Test
    void jsonCarriesToolScanAndRedactedFindings() throws IOException {
      CliRun run = CliRun.of("scan", "--no-datastore", "--no-progress", "-f", "json", eml("a.eml", MESSAGE.formatted(AWS_KEY)).toString());
      JsonNode json = new ObjectMapper().readTree(run.out());
      assertThat(json.at("/tool/name").asText()).isEqualTo("mailleaks");
      assertThat(json.at("/scan/messages").asLong()).isEqualTo(1);
      assertThat(json.at("/scan/inputs").asLong()).isEqualTo(1);
      JsonNode finding = json.at("/findings/0");
      assertThat(finding.get("fingerprint").asText()).isEqualTo(dev.mailleaks.findings.Fingerprint.of(AWS_KEY));
      assertThat(finding.has("secret")).isFalse();
      assertThat(finding.get("from").asText()).isEqualTo("Alice <alice@customer.example>");
      assertThat(finding.get("message_id").asText()).isEqualTo("<m1@customer.example>");
      assertThat(finding.get("part").asText()).isEqualTo("1");
      assertThat(finding.get("line").asInt()).isEqualTo(1);
      assertThat(run.out()).doesNotContain(AWS_KEY);
    }

    @Test
    void showSecretsAddsThePlaintext() throws IOException {
      CliRun run = CliRun.of("scan", "--no-datastore", "--no-progress", "-f", "jsonl", "--show-secrets", eml("a.eml", MESSAGE.formatted(AWS_KEY)).toString());
      assertThat(run.out().lines()).singleElement().asString().contains("\"secret\":\"" + AWS_KEY + "\"");
    }

    @Test
    void reportFilesAreOwnerOnly() throws IOException {
      Path report = dir.resolve("out/report.json");
      CliRun run = CliRun.of("scan", "--no-datastore", "--no-progress", "-f", "json", "-o", report.toString(), eml("a.eml", MESSAGE.formatted(AWS_KEY)).toString());
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out()).isEmpty();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report))).isEqualTo("rw-------");
      assertThat(Files.readString(report)).contains("aws.access-key-id");
    }

    @Test
    void versionAndHelp() {
      assertThat(CliRun.of("--version").out()).startsWith("mailleaks ");
      CliRun help = CliRun.of("scan", "--help");
      assertThat(help.exitCode()).isZero();
      assertThat(help.out()).contains("--show-secrets", "Exit codes:");
    }
  }
}
