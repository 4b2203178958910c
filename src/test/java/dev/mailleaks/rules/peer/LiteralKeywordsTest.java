package dev.mailleaks.rules.peer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Unit tests for {@link LiteralKeywords}: which literals every match must contain. */
class LiteralKeywordsTest {
  @Test
  void takesARequiredLiteralRun() {
    assertThat(LiteralKeywords.derive("\\b(sk-ant-api[0-9]{2}-[a-z]{95})")).containsExactly("sk-ant-api");
  }

  @Test
  void takesOneLiteralOfEachBranchOfARequiredGroup() {
    assertThat(LiteralKeywords.derive("(?i)\\b(?:AKIA|ASIA|ABIA)[A-Z2-7]{16}")).containsExactly("akia", "asia", "abia");
  }

  @Test
  void prefersTheFirstLongEnoughLiteral() {
    assertThat(LiteralKeywords.derive("xoxb-[0-9]+-secretvalue")).containsExactly("xoxb-");
  }

  @Test
  void skipsOptionalPartsAndEscapedLiteralsJoinRuns() {
    assertThat(LiteralKeywords.derive("(?:https?://)?hooks\\.slack\\.com/x")).containsExactly("hooks.slack.com/x");
    assertThat(LiteralKeywords.derive("(?:abcd)?[a-z]{8}")).isEmpty();
  }

  @Test
  void findsNoneWhenTheLiteralsAreTooShortOrABranchHasNone() {
    assertThat(LiteralKeywords.derive("\\b[a-f0-9]{32}\\b")).isEmpty();
    assertThat(LiteralKeywords.derive("ab[0-9]+")).isEmpty();
    assertThat(LiteralKeywords.derive("(?:token|[0-9]+)x")).isEmpty();
  }
}
