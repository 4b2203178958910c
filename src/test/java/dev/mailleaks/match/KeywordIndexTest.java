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

  /** What the index must report: every occurrence of every keyword, found by {@code indexOf}. */
  private static java.util.TreeSet<String> everyOccurrence(List<String> keywords, String text) {
    java.util.TreeSet<String> expected = new java.util.TreeSet<>();
    for (String keyword : keywords) {
      for (int i = text.indexOf(keyword); i >= 0; i = text.indexOf(keyword, i + 1)) {
        expected.add(keyword + "@" + i + "-" + (i + keyword.length()));
      }
    }
    return expected;
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
    List<String> found = hits(index, keywords, s);
    assertThat(found).doesNotHaveDuplicates();
    assertThat(new java.util.TreeSet<>(found)).isEqualTo(everyOccurrence(keywords, s));
  }

  @Test
  void everyTextLengthFindsEachHitOnceAcrossTheMiddle() {
    // lengths on both sides of the one-pass / two-halves threshold; keywords dense enough to straddle the middle
    List<String> keywords = List.of("akia", "password", "xy", "://");
    KeywordIndex index = new KeywordIndex(keywords);
    java.util.Random random = new java.util.Random(3);
    for (int length = 300; length < 9000; length += 97) {
      StringBuilder text = new StringBuilder();
      while (text.length() < length) {
        text.append(random.nextInt(6) == 0 ? keywords.get(random.nextInt(4)) : String.valueOf((char) ('a' + random.nextInt(26))));
      }
      String s = text.toString();
      List<String> found = hits(index, keywords, s);
      assertThat(found).as("length %d", s.length()).doesNotHaveDuplicates();
      assertThat(new java.util.TreeSet<>(found)).as("length %d", s.length()).isEqualTo(everyOccurrence(keywords, s));
    }
  }

  @Test
  void theCompactNumberingFindsWhatTheTrieOrderFinds() throws Exception {
    // every bundled keyword, over text that holds some of them in both cases among prose and symbols
    java.util.Set<String> distinct = new java.util.LinkedHashSet<>();
    for (var rule : new dev.mailleaks.rules.RuleLoader().loadDefaults().rules()) {
      for (String k : rule.keywords()) distinct.add(k.toLowerCase(java.util.Locale.ROOT));
    }
    List<String> keywords = List.copyOf(distinct);
    java.util.Random random = new java.util.Random(11);
    StringBuilder text = new StringBuilder();
    String alphabet = "abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789.:/=_-\"'\n@ñ";
    while (text.length() < 200_000) {
      if (random.nextInt(40) == 0) {
        String k = keywords.get(random.nextInt(keywords.size()));
        text.append(random.nextBoolean() ? k : k.toUpperCase(java.util.Locale.ROOT));
      } else {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
    }
    String s = text.toString();
    List<String> compact = hits(new KeywordIndex(keywords, true), keywords, s);
    List<String> trieOrder = hits(new KeywordIndex(keywords, false), keywords, s);
    assertThat(compact).hasSizeGreaterThan(4000);
    assertThat(new java.util.TreeSet<>(compact)).isEqualTo(new java.util.TreeSet<>(trieOrder));
    assertThat(compact).hasSameSizeAs(trieOrder);
  }
}
