package dev.mailleaks.rules.peer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailleaks.match.Match;
import dev.mailleaks.match.SecretMatcher;
import dev.mailleaks.rules.Rule;
import dev.mailleaks.rules.RuleDiagnostic;
import dev.mailleaks.rules.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unit tests for {@link GitleaksConfigReader} over small TOML configs. */
class GitleaksConfigReaderTest {
  @TempDir Path dir;

  private PeerRuleFile read(String name, String toml) throws IOException {
    return new GitleaksConfigReader().read(Files.writeString(dir.resolve(name), toml));
  }

  private static Rule only(PeerRuleFile file) {
    assertThat(file.rules()).hasSize(1);
    return file.rules().get(0).rule();
  }

  private static List<String> secretsFound(Rule rule, String text) {
    return new SecretMatcher(new RuleSet(List.of(rule))).find(text).stream().map(Match::secret).toList();
  }

  private static List<String> messages(PeerRuleFile file) {
    return file.diagnostics().stream().map(RuleDiagnostic::message).toList();
  }

  @Test
  void readsARuleWithKeywordsEntropyTagsAndTheFirstGroupAsSecret() throws IOException {
    PeerRuleFile file = read("gitleaks.toml", """
        [[rules]]
        id = "demo-api-token"
        description = "A demo token."
        regex = '''\\b(dmo_(?i)[a-z0-9]{20})(?:['"\\s]|$)'''
        entropy = 3.0
        keywords = ["dmo_"]
        tags = ["api", "demo"]
        """);
    Rule rule = only(file);
    assertThat(rule.id()).isEqualTo("gitleaks.demo-api-token");
    assertThat(rule.keywords()).containsExactly("dmo_");
    assertThat(rule.minEntropy()).isEqualTo(3.0);
    assertThat(rule.description()).isEqualTo("A demo token. Tags: api, demo.");
    assertThat(rule.examples()).isEmpty();
    assertThat(secretsFound(rule, "token: dmo_Q7rT2kLm9XbV4nPz8WcY now")).containsExactly("dmo_Q7rT2kLm9XbV4nPz8WcY");
    assertThat(secretsFound(rule, "token: dmo_aaaaaaaaaaaaaaaaaaaa now")).isEmpty(); // below the entropy
    assertThat(file.diagnostics()).isEmpty();
    assertThat(file.rules().get(0).peerId()).isEqualTo("demo-api-token");
  }

  @Test
  void secretGroupNamesTheNumberedGroupAndNoGroupMeansTheWholeMatch() throws IOException {
    PeerRuleFile file = read("g.toml", """
        [[rules]]
        id = "pair"
        regex = '''user=(\\w+) pass=(\\w{6,})'''
        secretGroup = 2
        keywords = ["pass="]

        [[rules]]
        id = "whole"
        regex = '''whl_[a-z]{8}'''
        keywords = ["whl_"]
        """);
    assertThat(secretsFound(file.rules().get(0).rule(), "user=bob pass=Xk3pQ9z")).containsExactly("Xk3pQ9z");
    assertThat(secretsFound(file.rules().get(1).rule(), "see whl_qwertzui.")).containsExactly("whl_qwertzui");
  }

  @Test
  void theFirstGroupThatMatchedIsTheSecret() throws IOException {
    Rule rule = only(read("g.toml", """
        [[rules]]
        id = "either"
        regex = '''a=(\\d{4})|b=([a-z]{4})'''
        keywords = ["a=", "b="]
        """));
    assertThat(secretsFound(rule, "b=wxyz")).containsExactly("wxyz");
    assertThat(secretsFound(rule, "a=1234")).containsExactly("1234");
  }

  @Test
  void keywordsAreDerivedWhenTheRuleHasNone() throws IOException {
    assertThat(only(read("g.toml", """
        [[rules]]
        id = "nokw"
        regex = '''\\bnokw-[0-9]{6}'''
        """)).keywords()).containsExactly("nokw-");
  }

  @Test
  void allowlistsApplyToTheirTargets() throws IOException {
    Rule rule = only(read("g.toml", """
        [[rules]]
        id = "tok"
        regex = '''tok_([a-z0-9]{8})'''
        keywords = ["tok_"]
        [[rules.allowlists]]
        regexes = ['''^dead''']
        stopwords = ["sample"]
        [[rules.allowlists]]
        regexTarget = "line"
        regexes = ['''(?i)example config''']
        [[rules.allowlists]]
        regexTarget = "match"
        regexes = ['''^tok_x''']
        """));
    assertThat(secretsFound(rule, "tok_dead1234")).isEmpty();
    assertThat(secretsFound(rule, "tok_sample12")).isEmpty();
    assertThat(secretsFound(rule, "Example Config: tok_q1w2e3r4")).isEmpty();
    assertThat(secretsFound(rule, "tok_x1w2e3r4")).isEmpty(); // the match starts tok_x; the secret does not
    assertThat(secretsFound(rule, "prod: tok_q1w2e3r4")).containsExactly("q1w2e3r4");
  }

  @Test
  void anAndAllowlistNeedsAllItsCriteria() throws IOException {
    Rule rule = only(read("g.toml", """
        [[rules]]
        id = "tok"
        regex = '''tok_([a-z0-9]{8})'''
        keywords = ["tok_"]
        [[rules.allowlists]]
        condition = "AND"
        regexes = ['''^[a-z]+[0-9]+$''']
        stopwords = ["test"]
        """));
    assertThat(secretsFound(rule, "tok_testab12")).isEmpty();
    assertThat(secretsFound(rule, "tok_test1a2b")).containsExactly("test1a2b"); // stopword, but not the regex
    assertThat(secretsFound(rule, "tok_abcdef12")).containsExactly("abcdef12"); // the regex, but no stopword
  }

  @Test
  void pathsAndCommitsAreReportedAsNotCarriedOver() throws IOException {
    PeerRuleFile file = read("g.toml", """
        [allowlist]
        description = "global"
        paths = ['''\\.lock$''']
        regexes = ['''^placeholder$''']

        [[rules]]
        id = "php-key"
        regex = '''phk_[a-z]{8}'''
        path = '''\\.php$'''
        keywords = ["phk_"]
        [[rules.allowlists]]
        condition = "AND"
        paths = ['''\\.inc$''']
        regexes = ['''^phk_a''']

        [[rules]]
        id = "pkcs12-file"
        path = '''\\.p12$'''
        """);
    assertThat(file.rules()).hasSize(1);
    assertThat(file.diagnostics()).extracting(RuleDiagnostic::ruleId, RuleDiagnostic::message).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple(null,
            "not carried over: allowlist 'global': its paths (mail has none; its other criteria are kept)"),
        org.assertj.core.groups.Tuple.tuple("php-key",
            "not carried over: an allowlist (condition AND with paths, which mail does not have)"),
        org.assertj.core.groups.Tuple.tuple("php-key",
            "not carried over: path (mail has no file paths): the rule runs on all text"),
        org.assertj.core.groups.Tuple.tuple("pkcs12-file",
            "not imported: it matches file paths only, which mail does not have"));
    assertThat(secretsFound(file.rules().get(0).rule(), "phk_abcdefgh")).containsExactly("phk_abcdefgh");
  }

  @Test
  void globalAllowlistsApplyToEveryRuleOrToTheirTargetRules() throws IOException {
    PeerRuleFile file = read("g.toml", """
        [[allowlists]]
        stopwords = ["fake"]
        [[allowlists]]
        targetRules = ["one"]
        regexes = ['''^one_z''']

        [[rules]]
        id = "one"
        regex = '''one_[a-z]{6}'''
        keywords = ["one_"]
        [[rules]]
        id = "two"
        regex = '''two_[a-z]{6}'''
        keywords = ["two_"]
        """);
    Rule one = file.rules().get(0).rule();
    Rule two = file.rules().get(1).rule();
    assertThat(secretsFound(one, "one_zzabcd one_fakeab one_qwerty")).containsExactly("one_qwerty");
    assertThat(secretsFound(two, "two_zzabcd two_fakeab")).containsExactly("two_zzabcd");
  }

  @Test
  void extendReadsTheBaseConfigAndTheExtendingRuleWins() throws IOException {
    read("base.toml", """
        [[rules]]
        id = "tok"
        regex = '''tok_[a-z]{4}'''
        keywords = ["tok_"]
        [[rules]]
        id = "old"
        regex = '''old_[a-z]{4}'''
        keywords = ["old_"]
        [[rules]]
        id = "off"
        regex = '''off_[a-z]{4}'''
        keywords = ["off_"]
        """);
    PeerRuleFile file = read("child.toml", """
        [extend]
        path = "base.toml"
        disabledRules = ["off"]

        [[rules]]
        id = "tok"
        regex = '''tok_[a-z]{6}'''
        keywords = ["tkn_"]
        """);
    assertThat(file.rules()).extracting(r -> r.rule().id()).containsExactly("gitleaks.tok", "gitleaks.old");
    Rule tok = file.rules().get(0).rule();
    assertThat(tok.keywords()).containsExactly("tok_", "tkn_");
    assertThat(secretsFound(tok, "tok_abcdef")).containsExactly("tok_abcdef");
    assertThat(file.rules().get(1).file()).endsWith("base.toml");
  }

  @Test
  void extendUseDefaultIsReported() throws IOException {
    PeerRuleFile file = read("c.toml", """
        [extend]
        useDefault = true
        [[rules]]
        id = "tok"
        regex = '''tok_[a-z]{4}'''
        keywords = ["tok_"]
        """);
    assertThat(messages(file)).singleElement().asString().contains("useDefault");
  }

  @Test
  void anUntranslatableRegexRejectsOnlyItsRule() throws IOException {
    PeerRuleFile file = read("g.toml", """
        [[rules]]
        id = "lazy"
        regex = '''(?U)lzy_[a-z]+'''
        keywords = ["lzy_"]
        [[rules]]
        id = "fine"
        regex = '''fne_[a-z]{4}'''
        keywords = ["fne_"]
        """);
    assertThat(file.rules()).extracting(ImportedRule::peerId).containsExactly("fine");
    assertThat(file.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.ruleId()).isEqualTo("lazy");
      assertThat(d.message()).startsWith("not imported: regex cannot be translated to Java: flag U");
    });
  }
}
