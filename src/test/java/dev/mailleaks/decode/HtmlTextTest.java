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
}
