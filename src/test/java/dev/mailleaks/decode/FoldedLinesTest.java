package dev.mailleaks.decode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FoldedLinesTest {
  @Test
  void joinsContinuationLines() {
    assertThat(FoldedLines.unfold("DESCRIPTION:token ghp_abc\r\n def\r\nEND:VEVENT\r\n"))
        .isEqualTo("DESCRIPTION:token ghp_abcdef\r\nEND:VEVENT\r\n");
  }
}
