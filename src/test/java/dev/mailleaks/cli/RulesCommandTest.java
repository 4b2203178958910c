package dev.mailleaks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules commands through the real entry point. */
class RulesCommandTest {
  @TempDir Path dir;

  @Test
  void listsTheBundledRules() {
    CliRun run = CliRun.of("rules", "list");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("aws.access-key-id", "private-key.pem").containsPattern("\\d+ rules, version [0-9a-f]{12}");
  }

  @Test
  void testsTheBundledRulesWithoutFailures() {
    CliRun run = CliRun.of("rules", "test");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).containsPattern("\\d+ rules, \\d+ examples, 0 failures");
  }

  @Test
  void reportsEachFailingExampleOfAGivenFile() throws IOException {
    Path rules = Files.writeString(dir.resolve("mine.yml"), """
        rules:
          - id: demo.token
            name: Demo token
            severity: low
            keywords: [demo_]
            pattern: '(?<secret>demo_[a-z]{4})'
            remediation: Revoke it.
            examples: ['demo_abcd', 'demo_ABCD']
            negative_examples: ['demo_wxyz is documented']
        """);
    CliRun run = CliRun.of("rules", "test", rules.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("demo.token: example did not match: demo_ABCD",
        "demo.token: negative example matched: demo_wxyz is documented (matched 1 time(s))", "1 rules, 3 examples, 2 failures");
  }

  @Test
  void listSlowNamesARuleWhoseKeywordIsCommonOnTheSample() throws IOException {
    Path rules = Files.writeString(dir.resolve("slow.yml"), """
        rules:
          - id: demo.slow
            name: Slow demo
            severity: low
            keywords: [meeting]
            pattern: '(?<secret>[a-z]+\\d[a-z]+\\d[a-z]+)'
            remediation: Revoke it.
            examples: ['meeting ab1cd2ef']
            negative_examples: ['meeting']
          - id: demo.rare
            name: Rare demo
            severity: low
            keywords: [rare_prefix_]
            window_before: 0
            pattern: '(?<secret>rare_prefix_[a-z]{8})'
            remediation: Revoke it.
            examples: ['rare_prefix_abcdefgh']
            negative_examples: ['rare_prefix_']
        """);
    Path sample = Files.writeString(dir.resolve("sample.txt"),
        "The meeting moved to Tuesday, see the notes of the last meeting.\n".repeat(20_000));
    CliRun run = CliRun.of("rules", "list", "--slow", "--sample", sample.toString(), "--rules", rules.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("demo.slow", "keyword 'meeting' occurs", "no anchor (window_before)")
        .doesNotContain("demo.rare").containsPattern("1 slow rules \\(of 1 hit on the sample\\)");
  }

  @Test
  void testWarnsAboutKeywordsThatDefeatThePrefilter() throws IOException {
    Path rules = Files.writeString(dir.resolve("loose.yml"), """
        rules:
          - id: demo.loose
            name: Loose demo
            severity: low
            keywords: [the]
            pattern: '(?<secret>demo_[a-z]{4})'
            remediation: Revoke it.
            examples: ['the demo_abcd']
            negative_examples: ['the demo']
        """);
    CliRun run = CliRun.of("rules", "test", rules.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("warning: demo.loose: keyword 'the' is a common English word",
        "1 rules, 2 examples, 0 failures, 1 keyword warnings");
  }

  @Test
  void withoutASubcommandItIsAUsageError() {
    assertThat(CliRun.of().exitCode()).isEqualTo(2);
    assertThat(CliRun.of("rules").exitCode()).isEqualTo(2);
  }

  @Test
  void listRedactsSecretsInSubjects() throws IOException {
    Path eml = Files.writeString(dir.resolve("a.eml"), "Subject: key AKIAZ5MLK3QNPQRS7AXB for you\nFrom: a@b.example\n\nbody\n");
    CliRun run = CliRun.of("list", eml.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("key AKIA…XB for you").doesNotContain("AKIAZ5MLK3QNPQRS7AXB");
  }
}
