package dev.mailleaks.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailleaks.rules.Rule;
import dev.mailleaks.rules.RuleSet;
import dev.mailleaks.rules.Severity;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Unit tests for {@link SecretMatcher}: prefilter, windows and spans. */
class SecretMatcherTest {
  static Rule rule(String id, List<String> keywords, String pattern, int window) {
    return new Rule(id, id, "", "", Severity.HIGH, keywords, Pattern.compile(pattern), window, Rule.UNANCHORED, 0, dev.mailleaks.rules.Allowlist.NONE, "", List.of(),
        List.of("x"), List.of("y"), "test");
  }

  private static final Rule AWS = rule("aws", List.of("AKIA"), "\\b(?<secret>AKIA[A-Z2-7]{16})\\b", 1024);
  private static final Rule PASSWORD = rule("pw", List.of("password"), "(?i)password\\s*[:=]\\s*(?<secret>\\S{6,})", 1024);

  @Test
  void findsSecretsNearTheirKeywords() {
    SecretMatcher matcher = new SecretMatcher(new RuleSet(List.of(AWS, PASSWORD)));
    String text = "key AKIAZ5MLK3QNPQRS7AXB and\nPassword: hunter22!";
    List<Match> matches = matcher.find(text);
    assertThat(matches).extracting(m -> m.rule().id() + "=" + m.secret())
        .containsExactly("aws=AKIAZ5MLK3QNPQRS7AXB", "pw=hunter22!");
    assertThat(text.substring(matches.get(0).start(), matches.get(0).end())).isEqualTo("AKIAZ5MLK3QNPQRS7AXB");
  }

  @Test
  void aKeyBlockPrintedIntoALogHasTheFingerprintOfTheKeyItself() {
    String key = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49\n-----END PRIVATE KEY-----";
    assertThat(SecretMatcher.normalize(
        "-----BEGIN PRIVATE KEY-----\r\n#7 0.312 MIGHAgEAMBMGByqGSM49AgEGCCqGSM49\r\n#7 0.313 -----END PRIVATE KEY-----"))
        .isEqualTo(key);
    assertThat(SecretMatcher.normalize(
        "-----BEGIN PRIVATE KEY-----\n> 2026-04-26 12:36:01 MIGHAgEAMBMGByqGSM49AgEGCCqGSM49\n"
            + "> 2026-04-26 12:36:01 -----END PRIVATE KEY-----"))
        .isEqualTo(key);
  }

  @Test
  void aKeyBlockInAStringOrCodeHasTheFingerprintOfTheKeyItself() {
    String key = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49\n-----END PRIVATE KEY-----";
    assertThat(SecretMatcher.normalize("-----BEGIN PRIVATE KEY-----\\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49\\n"
        + "-----END PRIVATE KEY-----")).isEqualTo(key);
    assertThat(SecretMatcher.normalize("-----BEGIN PRIVATE KEY-----\\n\" +\n  \"MIGHAgEAMBMGByqGSM49AgEGCCqGSM49\\n\" +\n"
        + "  \"-----END PRIVATE KEY-----")).isEqualTo(key);
  }

  @Test
  void aCaseMatchingRuleIsNotRunAtItsKeywordInAnotherCase() {
    // the pattern itself ignores case, so only the keyword's case keeps "Asia" prose from matching
    Rule exact = new Rule("exact", "exact", "", "", Severity.HIGH, List.of("ASIA"), true,
        Pattern.compile("(?i)(?<secret>asia[a-z0-9]{4})"), 64, 0, null, 0, dev.mailleaks.rules.Allowlist.NONE, null,
        null, "", List.of(), List.of("x"), List.of("y"), "test");
    Rule anyCase = rule("any", List.of("asia"), "(?i)(?<secret>asia[a-z0-9]{4})", 64);
    String text = "ASIA1234 and Asia5678";
    assertThat(new SecretMatcher(new RuleSet(List.of(exact))).find(text)).extracting(Match::secret)
        .containsExactly("ASIA1234");
    // a rule sharing the folded keyword without matching case still sees every hit
    assertThat(new SecretMatcher(new RuleSet(List.of(exact, anyCase))).find(text))
        .extracting(m -> m.rule().id() + "=" + m.secret())
        .containsExactly("exact=ASIA1234", "any=ASIA1234", "any=Asia5678");
  }

  @Test
  void runsNoRegexWithoutAKeyword() {
    Rule noKeywordInText = rule("pw2", List.of("passphrase"), "(?<secret>\\d{6})", 1024);
    assertThat(new SecretMatcher(new RuleSet(List.of(noKeywordInText))).find("PIN 123456")).isEmpty();
  }

  @Test
  void aSecretBeyondTheWindowIsNotReached() {
    Rule shortWindow = rule("near", List.of("token"), "token.*?(?<secret>[A-Z]{10})", 20);
    SecretMatcher matcher = new SecretMatcher(new RuleSet(List.of(shortWindow)));
    assertThat(matcher.find("token " + "-".repeat(5) + "ABCDEFGHIJ")).hasSize(1);
    assertThat(matcher.find("token " + "-".repeat(50) + "ABCDEFGHIJ")).isEmpty();
  }

  @Test
  void windowsSeeTheRealNeighboursOfTheirBounds() {
    // \b at the window start must see the character before it, not a virtual text start.
    Rule bounded = rule("b", List.of("zzkey"), "\\b(?<secret>zzkey[0-9]{4})", 10);
    SecretMatcher matcher = new SecretMatcher(new RuleSet(List.of(bounded)));
    String text = "x".repeat(300) + "zzkey1234";
    assertThat(matcher.find(text)).isEmpty();
    assertThat(matcher.find("x".repeat(300) + " zzkey1234")).hasSize(1);
  }

  @Test
  void reportsASpanOnceWhenKeywordsRepeat() {
    SecretMatcher matcher = new SecretMatcher(new RuleSet(List.of(AWS)));
    assertThat(matcher.find("AKIA AKIA AKIAZ5MLK3QNPQRS7AXB AKIA")).hasSize(1);
  }

  @Test
  void aQuotedKeyBlockHasTheFingerprintOfTheOriginal() {
    Rule pem = rule("pem", List.of("-----BEGIN"),
        "(?<secret>-----BEGIN RSA PRIVATE KEY-----[\\s\\S]*?-----END RSA PRIVATE KEY-----)", 4096);
    SecretMatcher matcher = new SecretMatcher(new RuleSet(List.of(pem)));
    String original = "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD9\n-----END RSA PRIVATE KEY-----";
    String quoted = "> -----BEGIN RSA PRIVATE KEY-----\r\n> MIIBOgIBAAJBAKj34GkxFhD9  \r\n> -----END RSA PRIVATE KEY-----";
    assertThat(matcher.find(quoted)).singleElement().extracting(Match::secret).isEqualTo(original);
    assertThat(matcher.find(original)).singleElement().extracting(Match::secret).isEqualTo(original);
  }

  @Test
  void dropsLowEntropyAndAllowlistedSecrets() {
    Rule base = rule("tok", List.of("tok_"), "(?<secret>tok_[A-Za-z0-9]{12})", 64);
    Rule strict = new Rule("tok", "tok", "", "", Severity.HIGH, base.keywords(), base.pattern(), 64, Rule.UNANCHORED, 3.0,
        new dev.mailleaks.rules.Allowlist(List.of(Pattern.compile("EXAMPLE")), List.of(Pattern.compile("(?i)sample config")),
            List.of("dummy")),
        "", List.of(), List.of("x"), List.of("y"), "test");
    SecretMatcher matcher = new SecretMatcher(new RuleSet(List.of(strict)));
    assertThat(matcher.find("key tok_Q7vX2mK9pL4w")).hasSize(1);
    assertThat(matcher.find("key tok_aaaaaaaaaaaa")).as("entropy 0").isEmpty();
    assertThat(matcher.find("key tok_EXAMPLEa1b2c")).as("allowlisted secret").isEmpty();
    assertThat(matcher.find("key tok_DUMMYa1b2c3d")).as("stopword").isEmpty();
    assertThat(matcher.find("sample config: tok_Q7vX2mK9pL4w")).as("allowlisted line").isEmpty();
    assertThat(Entropy.bitsPerChar("aaaa")).isZero();
    assertThat(Entropy.bitsPerChar("abcd")).isEqualTo(2.0);
  }

  @Test
  void dropsSecretsThatFailTheirValidator() {
    Rule base = rule("gh", List.of("ghp_"), "(?<secret>ghp_[A-Za-z0-9]{36})", 64);
    Rule checked = new Rule("gh", "gh", "", "", Severity.HIGH, base.keywords(), false, base.pattern(), 64, Rule.UNANCHORED, null, 0,
        dev.mailleaks.rules.Allowlist.NONE, new dev.mailleaks.rules.Validator.GithubCrc32(), null, "", List.of(),
        List.of("x"), List.of("y"), "test");
    SecretMatcher matcher = new SecretMatcher(new RuleSet(List.of(checked)));
    assertThat(matcher.find("token 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")).hasSize(1);
    assertThat(matcher.find("token ghp_Qm7pX2vKd9LrT4wYc8NfB3hZj6GsEa0SHve6")).isEmpty();
  }

  @Test
  void reportsARequiringRuleOnlyNearItsCompanion() {
    Rule base = rule("sak", List.of("secret access key"), "(?i)secret access key:\\s*(?<secret>[A-Za-z0-9/+]{40})", 200);
    Rule paired = new Rule("sak", "sak", "", "", Severity.HIGH, base.keywords(), false, base.pattern(), 200, Rule.UNANCHORED, null, 0,
        dev.mailleaks.rules.Allowlist.NONE, null,
        dev.mailleaks.rules.Companion.withinLines(Pattern.compile("AKIA[A-Z2-7]{16}"), 2), "", List.of(),
        List.of("x"), List.of("y"), "test");
    SecretMatcher matcher = new SecretMatcher(new RuleSet(List.of(paired)));
    String secret = "Secret access key: tUHcgt+GpTPKuQtpFAKEzMYRHt2cxLT2hZokR1/9";
    assertThat(matcher.find("Access key id: AKIAQ7FAKEZ3MLK4RWNB\n" + secret)).hasSize(1);
    assertThat(matcher.find(secret)).as("absent").isEmpty();
    assertThat(matcher.find("Access key id: AKIAQ7FAKEZ3MLK4RWNB\n\n\n" + secret)).as("three lines away").isEmpty();
  }

  @Test
  void findsEveryRuleOfManyThatAreHitInOrderOfPositionThenRule() {
    // 300 rules hit in one long text (the keyword pass reports hits out of order): every one is found, sorted.
    List<Rule> rules = new java.util.ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int i = 299; i >= 0; i--) {
      text.append("k").append(i).append("x=").append(1000 + i).append(' ');
    }
    for (int i = 0; i < 300; i++) {
      rules.add(rule("r" + i, List.of("k" + i + "x"), "k" + i + "x=(?<secret>\\d{4})", 16));
    }
    List<Match> matches = new SecretMatcher(new RuleSet(rules)).find(text.toString());
    assertThat(matches).hasSize(300);
    assertThat(matches).extracting(Match::start).isSorted();
    assertThat(matches.get(0).rule().id()).isEqualTo("r299");
  }

  @Test
  void anchoredRulesFindEveryMatchStartingUpToWindowBeforeAHit() {
    Rule base = rule("lbl", List.of("pass"), "(?i)(?:(?:my|the) )?pass(?:word)?:\\s*(?<secret>\\S{6,})", 64);
    Rule anchored = new Rule("lbl", "lbl", "", "", Severity.HIGH, base.keywords(), base.pattern(), 64, 4, 0,
        dev.mailleaks.rules.Allowlist.NONE, "", List.of(), List.of("x"), List.of("y"), "test");
    SecretMatcher matcher = new SecretMatcher(new RuleSet(List.of(anchored)));
    String text = "the password: abc123xyz and my pass: qwe789rty\npass pass: zzz999yyy\nxxxxxxx password: too-far";
    assertThat(matcher.find(text)).extracting(Match::secret)
        .containsExactly("abc123xyz", "qwe789rty", "zzz999yyy", "too-far");
    assertThat(matcher.find("the password: abc123xyz")).singleElement()
        .satisfies(m -> assertThat(m.start()).isEqualTo(14));
  }

  private static Rule anchored(String keyword, String pattern, int windowBefore, String afterKeyword) {
    return new Rule("a", "a", "", "", Severity.HIGH, List.of(keyword), false, Pattern.compile(pattern), 64, windowBefore,
        afterKeyword == null ? null : Pattern.compile(afterKeyword), 0, dev.mailleaks.rules.Allowlist.NONE, null,
        null, "", List.of(), List.of("x"), List.of("y"), "test");
  }

  @Test
  void afterKeywordSkipsHitsNotFollowedByIt() {
    String pattern = "(?<![a-z_])[a-z_]{0,10}key[ ]*=[ ]*(?<secret>\\w{6,})";
    String text = "the key to success; api_key = abc123xyz";
    assertThat(new SecretMatcher(new RuleSet(List.of(anchored("key", pattern, 10, "[ ]*="))))
        .find(text)).extracting(Match::secret).containsExactly("abc123xyz");
    // a gate no hit passes: the pattern is never tried, although it would match
    assertThat(new SecretMatcher(new RuleSet(List.of(anchored("key", pattern, 10, "[ ]*:")))).find(text)).isEmpty();
  }

  @Test
  void multiLinePatternsAreTriedAtEveryLineStartBeforeAHit() {
    Rule table = anchored("pass", "(?m)^[a-z]+,pass\\r?\\n[a-z]+,(?<secret>\\w{6,})", 40, null);
    String text = "name,pass\njdoe,Secr3t99\nsome prose, a pass\r\nuser,pass\r\nbob,Other777\n";
    assertThat(new SecretMatcher(new RuleSet(List.of(table))).find(text)).extracting(Match::secret)
        .containsExactly("Secr3t99", "Other777");
  }
}
