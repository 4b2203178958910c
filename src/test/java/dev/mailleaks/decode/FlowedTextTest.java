package dev.mailleaks.decode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Unit tests for {@link FlowedText} (RFC 3676). */
class FlowedTextTest {
  @Test
  void joinsSoftBrokenLines() {
    assertThat(FlowedText.unflow("the url is \nhttps://example.org/\nnext line\n", false))
        .isEqualTo("the url is https://example.org/\nnext line\n");
  }

  @Test
  void deletesTheBreakingSpaceWithDelSp() {
    assertThat(FlowedText.unflow("token=abc \ndef123\n", true)).isEqualTo("token=abcdef123\n");
  }

  @Test
  void keepsQuoteDepthsApartAndUnstuffs() {
    assertThat(FlowedText.unflow("> quoted \n> more\n  stuffed\n", false))
        .isEqualTo("> quoted more\n stuffed\n");
  }

  @Test
  void signatureSeparatorIsNotSoft() {
    assertThat(FlowedText.unflow("-- \nBob\n", false)).isEqualTo("-- \nBob\n");
  }
}
