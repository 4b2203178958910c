package dev.mailleaks.findings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Unit tests for {@link Redactor} and {@link Fingerprint}. */
class RedactorTest {
  @Test
  void showsAtMostAQuarterOfALongSecret() {
    String secret = "ghp_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    String redacted = Redactor.redact(secret);
    assertThat(redacted).startsWith("ghp_AB").endsWith("6789").contains("…");
    assertThat(redacted.replace("…", "").length()).isLessThanOrEqualTo(secret.length() / 4);
  }

  @Test
  void showsNothingOfAShortSecret() {
    assertThat(Redactor.redact("hunt3r")).isEqualTo("******");
    assertThat(Redactor.redact("p4ssw0rd!")).doesNotContain("p4ssw0rd");
  }

  @Test
  void namesAKeyBlockByItsFirstLineOnly() {
    String key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEabc\n-----END RSA PRIVATE KEY-----";
    assertThat(Redactor.redact(key)).isEqualTo("-----BEGIN RSA PRIVATE KEY----- …(" + key.length() + " chars)");
  }

  @Test
  void showsAtMostAQuarterOfKeyMaterialWrappedOverLines() {
    // base64 DER or a PuTTY key's private lines: no armour line to name it, so the lines are redacted as one value
    String line = "MIIBOQIBAAJBAKt1SFEGt0gEDj1F2MwKM+J2Xw7yGcwWuoBP7OhBe5MJ+7UOtuuq";
    String key = line + "\n" + line.toLowerCase() + "\nh08z76D93rbgD3KwGEqiiDQjye5wQSooVYz+1Bo=";
    String redacted = Redactor.redact(key);
    assertThat(redacted).startsWith("MIIBOQ…").endsWith("(" + key.length() + " chars)").doesNotContain(line);
    assertThat(redacted.substring(0, redacted.indexOf(" (")).replace("…", "").length())
        .isLessThanOrEqualTo(key.length() / 4);
  }

  @Test
  void fingerprintIsLowercaseHexSha256OfUtf8() {
    assertThat(Fingerprint.of("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
