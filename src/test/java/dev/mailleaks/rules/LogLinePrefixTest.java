package dev.mailleaks.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Unit tests for {@link LogLinePrefix}: which line starts are a log's and which are a key's own. */
class LogLinePrefixTest {
  @Test
  void removesBuildKitStepsAndTimestamps() {
    assertThat(LogLinePrefix.strip("#6 0.245 MIIBVAIBADANBgkqhkiG9w0BAQEFAASC")).isEqualTo("MIIBVAIBADANBgkqhkiG9w0BAQEFAASC");
    assertThat(LogLinePrefix.strip("2026-04-26 12:36:01 -----BEGIN PRIVATE KEY-----"))
        .isEqualTo("-----BEGIN PRIVATE KEY-----");
    assertThat(LogLinePrefix.strip("2026-04-26T12:36:01.1234567Z MIIB")).isEqualTo("MIIB");
    assertThat(LogLinePrefix.strip("2026-04-26 12:36:01,250+02:00\tMIIB")).isEqualTo("MIIB");
  }

  @Test
  void leavesKeyLinesAndOtherTextAlone() {
    assertThat(LogLinePrefix.strip("MIIBVAIBADANBgkqhkiG9w0BAQEFAASC")).isEqualTo("MIIBVAIBADANBgkqhkiG9w0BAQEFAASC");
    assertThat(LogLinePrefix.strip("20260426123601MIIB")).isEqualTo("20260426123601MIIB");
    assertThat(LogLinePrefix.strip("#6 [3/4] RUN openssl genpkey")).isEqualTo("#6 [3/4] RUN openssl genpkey");
    assertThat(LogLinePrefix.strip("2026-04-26 meeting notes")).isEqualTo("2026-04-26 meeting notes");
  }
}
