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

  @Test
  void aLongTextScannedInTwoHalvesReportsEveryHitOnce() {
    List<String> keywords = List.of("akia", "password", "x");
    KeywordIndex index = new KeywordIndex(keywords);
    StringBuilder text = new StringBuilder();
    java.util.Random random = new java.util.Random(7);
    while (text.length() < 100_000) {
      text.append(random.nextInt(50) == 0 ? keywords.get(random.nextInt(3)) : (char) ('a' + random.nextInt(26)));
    }
    String s = text.toString();
    java.util.TreeSet<String> expected = new java.util.TreeSet<>();
    for (String keyword : keywords) {
      for (int i = s.indexOf(keyword); i >= 0; i = s.indexOf(keyword, i + 1)) {
        expected.add(keyword + "@" + i + "-" + (i + keyword.length()));
      }
    }
    List<String> found = hits(index, keywords, s);
    assertThat(found).doesNotHaveDuplicates();
    assertThat(new java.util.TreeSet<>(found)).isEqualTo(expected);
  }
}
