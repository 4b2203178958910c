package dev.mailleaks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: a gitleaks config converted by {@code rules convert}, then a scan with the converted rules. */
class RulesConvertTest {
  @TempDir Path dir;

  private Path gitleaksConfig() throws IOException {
    return Files.writeString(dir.resolve("gitleaks.toml"), """
        title = "team config"

        [allowlist]
        description = "global"
        stopwords = ["example"]

        [[rules]]
        id = "demo-api-token"
        description = "A demo API token."
        regex = '''\\b(dmo_[[:alnum:]]{20})(?:['"\\s]|$)'''
        entropy = 3.0
        keywords = ["dmo_"]
        [[rules.allowlists]]
        regexTarget = "line"
        regexes = ['''(?i)sample config''']

        [[rules]]
        id = "legacy-key"
        regex = '''(?U)lgk_[a-z]+'''
        keywords = ["lgk_"]
        """);
  }

  @Test
  void convertsAGitleaksConfigAndScansWithTheResult() throws IOException {
    Path out = dir.resolve("converted.yml");
    CliRun convert = CliRun.of("rules", "convert", gitleaksConfig().toString(), "-o", out.toString());
    assertThat(convert.exitCode()).as(convert.err()).isZero();
    assertThat(convert.out()).contains("(gitleaks): 1 rules imported, 1 not imported",
        "[legacy-key]: not imported: regex cannot be translated to Java: flag U",
        "rules without negative examples (1): gitleaks.demo-api-token", "wrote 1 rules to");
    String yaml = Files.readString(out);
    assertThat(yaml).contains("# Rules without negative examples (1): gitleaks.demo-api-token", "imported_from:",
        "format: gitleaks", "rule: demo-api-token", "\\p{Alnum}", "stopwords:", "lines:");

    Path eml = Files.writeString(dir.resolve("m.eml"), """
        From: dev@example.org
        To: ops@example.org
        Subject: token

        Here it is: dmo_Q7rT2kLm9XbV4nPz8WcY
        And from the sample config: dmo_Z8wQ3eRt5YuI7oPa2SdF
        Not this one: dmo_exampleexampleexam1
        """);
    CliRun scan = CliRun.of("scan", "--no-datastore", "--no-progress", "--format", "jsonl", "--rules", out.toString(),
        eml.toString());
    assertThat(scan.exitCode()).as(scan.err()).isEqualTo(1);
    assertThat(scan.out().lines().filter(l -> l.contains("\"rule_id\""))).singleElement().asString()
        .contains("\"rule_id\":\"gitleaks.demo-api-token\"");
  }

  @Test
  void rulesTestPrintsWhatAnImportDidNotCarryOver() throws IOException {
    CliRun run = CliRun.of("rules", "test", gitleaksConfig().toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("[legacy-key]: not imported", "1 rules, 0 examples, 0 failures");
  }

  @Test
  void convertRefusesOurOwnRules() throws IOException {
    Path mine = Files.writeString(dir.resolve("mine.yml"), """
        rules:
          - id: demo.token
            name: Demo token
            severity: low
            keywords: [demo_]
            pattern: '(?<secret>demo_[a-z]{4})'
            examples: ['demo_abcd']
            negative_examples: ['demo_ABCD']
        """);
    CliRun run = CliRun.of("rules", "convert", mine.toString(), "-o", dir.resolve("x.yml").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("peer rule files only");
  }
}
