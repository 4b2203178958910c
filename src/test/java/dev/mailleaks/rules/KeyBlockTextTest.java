package dev.mailleaks.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Unit tests for {@link KeyBlockText}: a key block written into strings, code and logs, read back as its lines. */
class KeyBlockTextTest {
  private static final String KEY = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49\nAgEGCCqGSM49+/Aw==\n-----END PRIVATE KEY-----";

  @Test
  void plainLinesStayAsTheyAre() {
    assertThat(KeyBlockText.asLines(KEY)).isEqualTo(KEY);
  }

  @Test
  void escapedBreaksInAJsonStringBecomeLines() {
    assertThat(KeyBlockText.asLines(
        "-----BEGIN PRIVATE KEY-----\\nMIGHAgEAMBMGByqGSM49\\nAgEGCCqGSM49+/Aw==\\n-----END PRIVATE KEY-----"))
        .isEqualTo(KEY);
    assertThat(KeyBlockText.asLines(
        "-----BEGIN PRIVATE KEY-----\\r\\nMIGHAgEAMBMGByqGSM49\\r\\nAgEGCCqGSM49+/Aw==\\r\\n-----END PRIVATE KEY-----"))
        .isEqualTo(KEY);
  }

  @Test
  void codeLiteralsJoinedWithPlusBecomeLines() {
    assertThat(KeyBlockText.asLines("-----BEGIN PRIVATE KEY-----\\n\" +\n    \"MIGHAgEAMBMGByqGSM49\\n\"\n    + "
        + "\"AgEGCCqGSM49+/Aw==\\n\" + \"-----END PRIVATE KEY-----")).isEqualTo(KEY);
    assertThat(KeyBlockText.asLines("-----BEGIN PRIVATE KEY-----' + 'MIGHAgEAMBMGByqGSM49' +\n  'AgEGCCqGSM49+/Aw==' "
        + "+ '-----END PRIVATE KEY-----")).isEqualTo(KEY);
  }

  @Test
  void aBase64PlusIsNotAJoin() {
    assertThat(KeyBlockText.asLines("-----BEGIN PRIVATE KEY-----\nAb+cd\n-----END PRIVATE KEY-----"))
        .isEqualTo("-----BEGIN PRIVATE KEY-----\nAb+cd\n-----END PRIVATE KEY-----");
  }

  @Test
  void aLogPrintedInsideAJsonStringLosesItsPrefixes() {
    assertThat(KeyBlockText.asLines("-----BEGIN PRIVATE KEY-----\\r\\n#5 0.228 MIGHAgEAMBMGByqGSM49\\r\\n#5 0.228 "
        + "AgEGCCqGSM49+/Aw==\\r\\n#5 0.229 -----END PRIVATE KEY-----")).isEqualTo(KEY);
  }

  @Test
  void eachLineLosesItsPrefixAfterAReplysQuoteMarks() {
    assertThat(KeyBlockText.lines("> #7 0.311 AAAA\n> #7 0.312 BBBB\nCCCC"))
        .isEqualTo("AAAA\nBBBB\nCCCC");
  }
}
