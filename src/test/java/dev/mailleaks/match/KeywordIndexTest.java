package dev.mailleaks.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unit tests for {@link KeywordIndex}. */
class KeywordIndexTest {
  private static List<String> hits(KeywordIndex index, List<String> keywords, String text) {
    List<String> out = new ArrayList<>();
    index.search(text, (k, s, e) -> out.add(keywords.get(k) + "@" + s + "-" + e));
    return out;
  }

  @Test
  void findsOverlappingKeywordsCaseInsensitively() {
    List<String> keywords = List.of("he", "she", "hers", "his");
    KeywordIndex index = new KeywordIndex(keywords);
    assertThat(hits(index, keywords, "uSHErs")).containsExactly("she@1-4", "he@2-4", "hers@2-6");
  }

  @Test
  void handlesNonAsciiKeywordsAndText() {
    List<String> keywords = List.of("contraseña", "passwort");
    KeywordIndex index = new KeywordIndex(keywords);
    assertThat(hits(index, keywords, "Die CONTRASEÑA: x — Passwort: y"))
        .containsExactly("contraseña@4-14", "passwort@20-28");
  }

  @Test
  void reportsNothingWithoutKeywords() {
    List<String> keywords = List.of("akia");
    assertThat(hits(new KeywordIndex(keywords), keywords, "nothing here")).isEmpty();
  }
}
