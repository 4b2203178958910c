package dev.mailleaks.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Unit tests for {@link QuotedPrintable}. */
class QuotedPrintableTest {
  private static String decode(String qp) {
    return new String(QuotedPrintable.decode(qp.getBytes(StandardCharsets.ISO_8859_1)), StandardCharsets.UTF_8);
  }

  @Test
  void decodesEscapesAndSoftBreaks() {
    assertThat(decode("password=3DCorrect-Horse-=\r\nBattery=\nStaple")).isEqualTo("password=Correct-Horse-BatteryStaple");
    assertThat(decode("Gr=C3=BC=C3=9Fe")).isEqualTo("Grüße");
  }

  @Test
  void aSoftBreakMayCarryTransportPadding() {
    assertThat(decode("abc= \t\r\ndef")).isEqualTo("abcdef");
  }

  @Test
  void keepsMalformedEscapesAsWritten() {
    assertThat(decode("a=ZZb = c =4")).isEqualTo("a=ZZb = c =4");
    assertThat(decode("ends with=")).isEqualTo("ends with");
  }
}
