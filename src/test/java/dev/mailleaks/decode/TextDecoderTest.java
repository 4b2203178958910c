package dev.mailleaks.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Unit tests for {@link TextDecoder}: declared, undeclared and wrongly declared charsets. */
class TextDecoderTest {
  private static final String TEXT = "Passwort: Grüße-Straße-42";

  @Test
  void usesTheDeclaredCharset() {
    assertThat(TextDecoder.decode(TEXT.getBytes(StandardCharsets.ISO_8859_1), "iso-8859-1")).isEqualTo(TEXT);
    assertThat(TextDecoder.decode("Пароль: секрет".getBytes(Charset.forName("KOI8-R")), "koi8-r")).isEqualTo("Пароль: секрет");
  }

  @Test
  void fallsBackWhenNoCharsetIsDeclared() {
    assertThat(TextDecoder.decode(TEXT.getBytes(StandardCharsets.UTF_8), null)).isEqualTo(TEXT);
    assertThat(TextDecoder.decode(TEXT.getBytes(StandardCharsets.ISO_8859_1), null)).isEqualTo(TEXT);
  }

  @Test
  void survivesAWrongDeclaration() {
    assertThat(TextDecoder.decode(TEXT.getBytes(StandardCharsets.UTF_8), "us-ascii")).isEqualTo(TEXT);
    assertThat(TextDecoder.decode(TEXT.getBytes(StandardCharsets.ISO_8859_1), "us-ascii")).isEqualTo(TEXT);
    assertThat(TextDecoder.decode(TEXT.getBytes(StandardCharsets.UTF_8), "iso-8859-1")).isEqualTo(TEXT);
    assertThat(TextDecoder.decode(TEXT.getBytes(StandardCharsets.UTF_8), "no-such-charset")).isEqualTo(TEXT);
  }

  @Test
  void readsUtf16WithAndWithoutByteOrderMark() {
    byte[] bom = TEXT.getBytes(StandardCharsets.UTF_16); // big-endian with BOM
    assertThat(TextDecoder.decode(bom, null)).isEqualTo(TEXT);
    assertThat(TextDecoder.decode(TEXT.getBytes(StandardCharsets.UTF_16LE), null)).isEqualTo(TEXT);
    assertThat(TextDecoder.decode(TEXT.getBytes(StandardCharsets.UTF_16BE), null)).isEqualTo(TEXT);
  }
}
