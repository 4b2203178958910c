package dev.mailleaks.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailleaks.rules.Rule;
import dev.mailleaks.rules.RuleSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unit tests for {@link KeywordCheck}: keywords that would make a rule run on most mail. */
class KeywordCheckTest {
  @Test
  void flagsShortKeywordsAndCommonWordsOfUnanchoredRules() {
    Rule rule = SecretMatcherTest.rule("loose", List.of("ab", "The", "acme_key"), "(?<secret>x)", 64);
    assertThat(KeywordCheck.check(new RuleSet(List.of(rule)))).extracting(KeywordCheck.Warning::keyword)
        .containsExactly("ab", "The");
  }

  @Test
  void toleratesAShortSymbolInAnAnchoredRuleButNotACommonWord() {
    Rule base = SecretMatcherTest.rule("anchored", List.of("\\\\", "please"), "(?<secret>x)", 64);
    Rule anchored = new Rule(base.id(), base.name(), "", "", base.severity(), base.keywords(), base.pattern(), 64, 2, 0,
        base.allowlist(), "", List.of(), List.of("x"), List.of("y"), "test");
    assertThat(KeywordCheck.check(anchored)).extracting(KeywordCheck.Warning::keyword).containsExactly("please");
  }
}
