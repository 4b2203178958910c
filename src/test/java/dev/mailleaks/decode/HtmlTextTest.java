package dev.mailleaks.decode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Unit tests for {@link HtmlText}. */
class HtmlTextTest {
  @Test
  void decodesEntitiesAndKeepsBlocksOnTheirOwnLines() {
    String text = HtmlText.render("<p>user: ops</p><p>password: p&#x40;ss&amp;w0rd</p><div>bye</div>");
    assertThat(text.lines().map(String::strip)).containsSubsequence("user: ops", "password: p@ss&w0rd", "bye");
  }

  @Test
  void exposesLinkTargetsAndFormValues() {
    String text = HtmlText.render("<a href=\"https://deploy:S3cr3tPw@git.example.org/repo\">repo</a>"
        + "<input type=hidden value=\"tok_12345\">");
    assertThat(text).contains("https://deploy:S3cr3tPw@git.example.org/repo").contains("tok_12345");
  }

  @Test
  void preservesPreformattedBlocksAndSkipsScripts() {
    String text = HtmlText.render("<pre>line1\n  line2</pre><script>var x = 'ignored';</script><style>p{}</style>");
    assertThat(text).contains("line1\n  line2").doesNotContain("ignored");
  }

  @Test
  void survivesMalformedMarkup() {
    assertThat(HtmlText.render("a < b and <b>bold</b> <!-- hidden token --> <p unclosed=\"x")).startsWith("a < b and bold");
    assertThat(HtmlText.render("<style><!-- p{} --></style>text<script>var s='</b>';</script>after"))
        .isEqualTo("textafter");
  }

  @Test
  void decodesEntitiesInAttributesAndKeepsOutlookParagraphsApart() {
    String text = HtmlText.render("<p class=MsoNormal><span style=\"x\">one<o:p></o:p></span></p>"
        + "<p class=MsoNormal><a href=\"https://h/?a=1&amp;b=2\">two</a></p>");
    assertThat(text.lines().map(String::strip)).containsExactly("one", "https://h/?a=1&b=2 two");
  }

  @Test
  void decodesCharacterReferences() {
    assertThat(HtmlText.decode("p&#x40;ss &#64; &amp;&lt;&nbsp;&eacute; &bogus; AT&T &amp", false))
        .isEqualTo("p@ss @ &<\u00a0é &bogus; AT&T &");
    assertThat(HtmlText.decode("?a=1&b=2&amp;c=3&copy", true)).isEqualTo("?a=1&b=2&c=3&copy");
  }
}
