package dev.mailleaks.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Unit tests for {@link Sniffer}: formats told from content, not names. */
class SnifferTest {
  private static Format sniff(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    return Sniffer.sniff(bytes, bytes.length);
  }

  private static Format sniff(int... bytes) {
    byte[] b = new byte[Math.max(bytes.length, 300)];
    for (int i = 0; i < bytes.length; i++) b[i] = (byte) bytes[i];
    return Sniffer.sniff(b, b.length);
  }

  @Test
  void tellsMboxFromItsSeparatorLine() {
    assertThat(sniff("From a@b.c Mon Jan  1 10:00:00 2024\nSubject: x\n\nbody")).isEqualTo(Format.MBOX);
    assertThat(sniff("\n\nFrom a@b.c Mon Jan  1 10:00:00 2024\n")).isEqualTo(Format.MBOX);
  }

  @Test
  void tellsAMessageFromItsHeaderBlock() {
    assertThat(sniff("Return-Path: <a@b.c>\nX-Custom: 1\nSubject: hi\n\nbody")).isEqualTo(Format.MESSAGE);
    assertThat(sniff("Received: from x\r\n\tby y\r\nFrom: a@b.c\r\n\r\n")).isEqualTo(Format.MESSAGE);
  }

  @Test
  void rejectsTextThatIsNotMail() {
    assertThat(sniff("Hello world, this is a note.\n")).isEqualTo(Format.UNKNOWN);
    assertThat(sniff("key: value\nother: thing\n")).isEqualTo(Format.UNKNOWN);
    assertThat(sniff("")).isEqualTo(Format.UNKNOWN);
  }

  @Test
  void tellsCompressionAndContainersByMagicBytes() {
    assertThat(sniff(0x1f, 0x8b, 8)).isEqualTo(Format.GZIP);
    assertThat(sniff('B', 'Z', 'h', '9')).isEqualTo(Format.BZIP2);
    assertThat(sniff(0xfd, '7', 'z', 'X', 'Z', 0)).isEqualTo(Format.XZ);
    assertThat(sniff(0x28, 0xb5, 0x2f, 0xfd)).isEqualTo(Format.ZSTD);
    assertThat(sniff('P', 'K', 3, 4)).isEqualTo(Format.ZIP);
    assertThat(sniff('7', 'z', 0xbc, 0xaf, 0x27, 0x1c)).isEqualTo(Format.SEVEN_Z);
    byte[] tar = new byte[512];
    System.arraycopy("ustar".getBytes(StandardCharsets.US_ASCII), 0, tar, 257, 5);
    assertThat(Sniffer.sniff(tar, tar.length)).isEqualTo(Format.TAR);
  }
}
