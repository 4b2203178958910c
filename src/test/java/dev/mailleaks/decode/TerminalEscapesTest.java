package dev.mailleaks.decode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Unit tests for {@link TerminalEscapes}: colour codes and other escapes out, text and line breaks kept. */
class TerminalEscapesTest {
  @Test
  void textWithoutEscapesIsReturnedAsItIs() {
    String text = "no escapes here [93m is just text\n";
    assertThat(TerminalEscapes.strip(text)).isSameAs(text);
  }

  @Test
  void colourCodesAroundASecretAreRemoved() {
    assertThat(TerminalEscapes.strip(">>>\u001b[93msk-615ef152bf865a131f88b23571dc4ee6\u001b[0m<<<"))
        .isEqualTo(">>>sk-615ef152bf865a131f88b23571dc4ee6<<<");
    assertThat(TerminalEscapes.strip("\u001b[1;38;5;196mERROR\u001b[m token=abc")).isEqualTo("ERROR token=abc");
  }

  @Test
  void windowTitlesAndShortEscapesAreRemovedButLinesStay() {
    assertThat(TerminalEscapes.strip("\u001b]0;build #42\u0007step 1\n\u001b]2;title\u001b\\step 2\n\u001bcstep 3"))
        .isEqualTo("step 1\nstep 2\nstep 3");
    assertThat(TerminalEscapes.strip("unterminated \u001b]0;title\nnext line")).isEqualTo("unterminated \nnext line");
    assertThat(TerminalEscapes.strip("ends with ESC\u001b")).isEqualTo("ends with ESC");
    assertThat(TerminalEscapes.strip("half a CSI \u001b[12")).isEqualTo("half a CSI ");
  }
}
