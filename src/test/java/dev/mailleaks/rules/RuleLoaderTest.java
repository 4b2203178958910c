package dev.mailleaks.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unit tests for {@link RuleLoader}: each problem in a rule file is named, with the file and rule. */
class RuleLoaderTest {
  @TempDir Path dir;

  private Path write(String name, String yaml) throws IOException {
    return Files.writeString(dir.resolve(name), yaml);
  }

  private static final String VALID = """
      rules:
        - id: demo.token
          name: Demo token
          provider: Demo
          severity: high
          keywords: [demo_]
          pattern: '\\b(?<secret>demo_[a-z0-9]{8})\\b'
          examples: ['token demo_abcd1234']
          negative_examples: ['demo_short']
      """;

  @Test
  void loadsAValidRule() throws Exception {
    RuleSet set = new RuleLoader().load(List.of(write("demo.yml", VALID)));
    assertThat(set.rules()).singleElement().satisfies(r -> {
      assertThat(r.id()).isEqualTo("demo.token");
      assertThat(r.severity()).isEqualTo(Severity.HIGH);
      assertThat(r.window()).isEqualTo(Rule.DEFAULT_WINDOW);
    });
  }

  @Test
  void namesEveryProblemWithFileAndRule() throws Exception {
    Path file = write("bad.yml", """
        rules:
          - id: Bad_Id
            name: x
            severity: urgent
            keywords: []
            pattern: '(unclosed'
            examples: []
            colour: red
        """);
    assertThatThrownBy(() -> new RuleLoader().load(List.of(file)))
        .isInstanceOf(RuleFileException.class)
        .satisfies(e -> assertThat(((RuleFileException) e).diagnostics()).extracting(RuleDiagnostic::toString)
            .containsExactlyInAnyOrder(
                file + " [Bad_Id]: id must be lowercase alphanumeric segments joined by '.' or '-'",
                file + " [Bad_Id]: unknown field 'colour'",
                file + " [Bad_Id]: 'keywords' must list at least one non-blank literal",
                file + " [Bad_Id]: 'examples' must list at least one text that matches",
                file + " [Bad_Id]: 'negative_examples' must list at least one text that must not match",
                file + " [Bad_Id]: severity must be critical, high, medium or low, not 'urgent'",
                file + " [Bad_Id]: pattern does not compile: Unclosed group near index 9"));
  }

  @Test
  void readsValidatorAndRequires() throws Exception {
    Path file = write("checked.yml", VALID.replace("    examples:", "    validator: base64\n"
        + "    requires: {pattern: '(?i)demo', within_lines: 3}\n    examples:"));
    Rule rule = new RuleLoader().load(List.of(file)).rules().get(0);
    assertThat(rule.validator()).isEqualTo(new Validator.Base64Text());
    assertThat(rule.companion().withinLines()).isEqualTo(3);
    assertThat(rule.companion().withinChars()).isEqualTo(Companion.UNSET);
    assertThat(rule.companion().pattern().pattern()).isEqualTo("(?i)demo");
  }

  @Test
  void afterKeywordIsReadForAnchoredRulesOnly() throws Exception {
    Path anchored = write("gated.yml", VALID.replace("    examples:",
        "    window_before: 8\n    after_keyword: '[a-z0-9]{8}'\n    examples:"));
    assertThat(new RuleLoader().load(List.of(anchored)).rules().get(0).afterKeyword().pattern()).isEqualTo("[a-z0-9]{8}");
    Path unanchored = write("ungated.yml", VALID.replace("    examples:", "    after_keyword: '(x'\n    examples:"));
    assertThatThrownBy(() -> new RuleLoader().load(List.of(unanchored)))
        .hasMessageContaining("[demo.token]: after_keyword needs window_before")
        .hasMessageContaining("[demo.token]: after_keyword does not compile: Unclosed group");
  }

  @Test
  void keywordsMatchCaseIsAnOptionalBoolean() throws Exception {
    assertThat(new RuleLoader().load(List.of(write("plain.yml", VALID))).rules().get(0).keywordsMatchCase()).isFalse();
    Path exact = write("exact.yml", VALID.replace("    examples:", "    keywords_match_case: true\n    examples:"));
    assertThat(new RuleLoader().load(List.of(exact)).rules().get(0).keywordsMatchCase()).isTrue();
    Path bad = write("bad.yml", VALID.replace("    examples:", "    keywords_match_case: sometimes\n    examples:"));
    assertThatThrownBy(() -> new RuleLoader().load(List.of(bad)))
        .hasMessage(bad + " [demo.token]: keywords_match_case must be true or false");
  }

  @Test
  void anUnknownValidatorIsAnErrorOfItsRule() throws Exception {
    Path file = write("unknown.yml", VALID.replace("    examples:", "    validator: crc64\n    examples:"));
    assertThatThrownBy(() -> new RuleLoader().load(List.of(file))).hasMessage(file + " [demo.token]: unknown validator "
        + "'crc64' (known: github-crc32, npm-crc32, luhn, jwt, pem-private-key, der-private-key, base64, aws-account-id, bitlocker-recovery-password, pkcs12, java-keystore, kerberos-keytab)");
  }

  @Test
  void requiresNeedsAPatternAndExactlyOneDistance() throws Exception {
    Path both = write("both.yml", VALID.replace("    examples:",
        "    requires: {pattern: 'x', within_lines: 1, within_chars: 9}\n    examples:"));
    assertThatThrownBy(() -> new RuleLoader().load(List.of(both))).hasMessage(both
        + " [demo.token]: requires must have a 'pattern' and one of 'within_lines' or 'within_chars'");
    Path bad = write("bad.yml", VALID.replace("    examples:",
        "    requires: {pattern: '(x', within_chars: -1, near: y}\n    examples:"));
    assertThatThrownBy(() -> new RuleLoader().load(List.of(bad)))
        .hasMessageContaining("[demo.token]: unknown requires field 'near'")
        .hasMessageContaining("[demo.token]: requires.pattern does not compile: Unclosed group");
  }

  @Test
  void requiresTheSecretGroup() throws Exception {
    Path file = write("nogroup.yml", VALID.replace("(?<secret>demo_[a-z0-9]{8})", "(demo_[a-z0-9]{8})"));
    assertThatThrownBy(() -> new RuleLoader().load(List.of(file)))
        .hasMessage(file + " [demo.token]: pattern has no named group '(?<secret>...)'");
  }

  @Test
  void rejectsDuplicateIdsAcrossFiles() throws Exception {
    Path a = write("a.yml", VALID);
    write("b.yml", VALID);
    assertThatThrownBy(() -> new RuleLoader().load(List.of(dir)))
        .hasMessageContaining("[demo.token]: duplicate rule id (first defined in " + a + ")");
  }

  @Test
  void reportsYamlSyntaxErrors() throws Exception {
    Path file = write("broken.yml", "rules:\n  - id: [unclosed\n");
    assertThatThrownBy(() -> new RuleLoader().load(List.of(file))).hasMessageStartingWith(file + ": not valid YAML");
  }

  @Test
  void readsEntropyAndAllowlistAndRejectsBadOnes() throws Exception {
    String extra = "    min_entropy: 2.5\n    allowlist:\n      secrets: ['EXAMPLE']\n      lines: ['(?i)sample']\n"
        + "      stopwords: [Dummy]\n    examples:";
    Path good = write("good.yml", VALID.replace("    examples:", extra));
    Rule rule = new RuleLoader().load(List.of(good)).rules().get(0);
    assertThat(rule.minEntropy()).isEqualTo(2.5);
    assertThat(rule.allowlist().stopwords()).containsExactly("dummy");
    String wrong = "    min_entropy: 9\n    allowlist:\n      secrets: ['(']\n      colours: [red]\n    examples:";
    Path bad = write("bad.yml", VALID.replace("    examples:", wrong));
    assertThatThrownBy(() -> new RuleLoader().load(List.of(bad)))
        .isInstanceOfSatisfying(RuleFileException.class, e -> assertThat(e.diagnostics()).extracting(RuleDiagnostic::message)
            .containsExactlyInAnyOrder("min_entropy must be a number of bits per character from 0 to 8",
                "unknown allowlist field 'colours'", "allowlist.secrets pattern does not compile: Unclosed group near index 1"));
  }
}
