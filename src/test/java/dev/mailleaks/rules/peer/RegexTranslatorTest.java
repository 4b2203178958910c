package dev.mailleaks.rules.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailleaks.rules.peer.RegexTranslator.Dialect;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Unit tests for {@link RegexTranslator}: each construct that differs between the peers' syntax and Java's. */
class RegexTranslatorTest {

  private static String go(String regex) throws UntranslatableRegexException {
    return RegexTranslator.translate(regex, Dialect.GO).pattern();
  }

  private static String rust(String regex) throws UntranslatableRegexException {
    return RegexTranslator.translate(regex, Dialect.RUST).pattern();
  }

  private static boolean finds(String javaPattern, String text) {
    return Pattern.compile(javaPattern).matcher(text).find();
  }

  @Nested
  class Go {
    @Test
    void namedGroupsLoseThePAndCharactersJavaDoesNotAllow() throws Exception {
      assertThat(go("(?P<api_key>[a-z]+)-(?P<api_key2>\\d)")).isEqualTo("(?<apikey>[a-z]+)-(?<apikey2>\\d)");
    }

    @Test
    void groupNamesThatWouldClashWithOursAreRenamed() throws Exception {
      assertThat(go("(?P<secret>x)(?P<1st>y)")).isEqualTo("(?<peersecret>x)(?<g1st>y)");
    }

    @Test
    void endOfTextStaysAndLineSensitiveConstructsGetUnixLines() throws Exception {
      assertThat(go("abc\\z")).isEqualTo("abc\\z");
      assertThat(go("a.c$")).isEqualTo("(?d)a.c$");
      assertThat(finds(go("a.c"), "a\rc")).isTrue(); // RE2's . stops only at \n
    }

    @Test
    void posixClassesBecomeJavaProperties() throws Exception {
      assertThat(go("[[:alpha:][:digit:]_]+")).isEqualTo("[\\p{Alpha}\\p{Digit}_]+");
      assertThat(go("[[:^space:]]")).isEqualTo("[\\S]");
      assertThat(finds(go("^[[:xdigit:]]{4}$"), "beef")).isTrue();
    }

    @Test
    void inlineFlagsInsideThePatternAreKept() throws Exception {
      assertThat(go("p8e-(?i)[a-z]{4}")).isEqualTo("p8e-(?i)[a-z]{4}");
      assertThat(go("(?i:abc)(?-i:DEF)")).isEqualTo("(?i:abc)(?-i:DEF)");
      assertThat(finds(go("p8e-(?i)[a-z]{4}"), "p8e-ABCD")).isTrue();
    }

    @Test
    void quotedLiteralsAreKept() throws Exception {
      assertThat(finds(go("\\Qa.b{,}\\E"), "a.b{,}")).isTrue();
      assertThat(finds(go("\\Qa.b\\E"), "axb")).isFalse();
    }

    @Test
    void unicodeClassesUseJavaNames() throws Exception {
      assertThat(go("\\pL\\p{Lu}\\p{Greek}\\P{Latin}\\p{^Han}")).isEqualTo("\\p{L}\\p{Lu}\\p{IsGreek}\\P{IsLatin}\\P{IsHan}");
      assertThat(finds(go("^\\p{Greek}+$"), "αβγ")).isTrue();
    }

    @Test
    void bracesThatStartNoRepetitionAreLiterals() throws Exception {
      assertThat(go("\\$?{{[^}]+}}")).isEqualTo("\\$?\\{\\{[^}]+}}");
      assertThat(go("a{2,5}b{3}c{1,}")).isEqualTo("a{2,5}b{3}c{1,}");
      assertThat(finds(go("x{,3}"), "x{,3}")).isTrue();
    }

    @Test
    void bracketsAndAmpersandsInAClassAreLiterals() throws Exception {
      assertThat(go("[[&&a]")).isEqualTo("[\\[\\&\\&a]");
      assertThat(finds(go("[^]]+"), "abc")).isTrue();
      assertThat(finds(go("\\[[^]]+]"), "[x]")).isTrue();
    }

    @Test
    void verticalTabAndOctalEscapes() throws Exception {
      assertThat(go("\\v")).isEqualTo("\\x0B");
      assertThat(go("\\101")).isEqualTo("\\x{41}");
      assertThat(finds(go("[\\v]"), "\u000b")).isTrue();
      assertThat(finds(go("\\v"), "\n")).isFalse();
    }

    @Test
    void capturingGroupsAreRecordedAndCanBeNamed() throws Exception {
      RegexTranslator.Translation t = RegexTranslator.translate("(?:x)(a)(?P<b>c)", Dialect.GO);
      assertThat(t.groupCount()).isEqualTo(2);
      assertThat(t.namingGroup(2, "secret")).isEqualTo("(?:x)(a)(?<secret>c)");
      assertThat(t.namingGroup(1, "secret")).isEqualTo("(?:x)(?<secret>a)(?<b>c)");
    }

    @Test
    void refusesWhatJavaCannotExpress() {
      assertThatThrownBy(() -> go("(?U)a+")).isInstanceOf(UntranslatableRegexException.class).hasMessageContaining("ungreedy");
      assertThatThrownBy(() -> go("a\\Cb")).hasMessageContaining("any byte");
      assertThatThrownBy(() -> go("(?x) a")).hasMessageContaining("not RE2");
      assertThatThrownBy(() -> go("[[:nope:]]")).hasMessageContaining("unknown POSIX class");
    }
  }

  @Nested
  class Rust {
    @Test
    void verboseModeDropsWhitespaceAndComments() throws Exception {
      String pattern = rust("""
          (?x)
          \\b
          (sk-[a-z]{4})   # the key
          (?: [^a-z] | $ )
          """);
      assertThat(pattern).isEqualTo("(?d)\\b(sk-[a-z]{4})(?:[^a-z]|$)");
    }

    @Test
    void whitespaceInsideAClassIsIgnoredInVerboseModeAsRustDoes() throws Exception {
      RegexTranslator.Translation t = RegexTranslator.translate("(?x)[a b]", Dialect.RUST);
      assertThat(t.pattern()).isEqualTo("[ab]");
      assertThat(t.notes()).singleElement().asString().contains("Rust");
      assertThat(rust("(?x)[\\ a]")).isEqualTo("[\\x20a]");
    }

    @Test
    void hashInAClassAndEscapedHashAreLiterals() throws Exception {
      assertThat(rust("(?x)[#]\\#a # comment")).isEqualTo("[#]#a");
    }

    @Test
    void verboseModeEndsWithItsGroup() throws Exception {
      assertThat(rust("(?x: a b ) c d")).isEqualTo("(?:ab) c d");
      assertThat(rust("(?xi)a b")).isEqualTo("(?i)ab");
    }

    @Test
    void commentGroupsAreRemoved() throws Exception {
      assertThat(rust("a(?# note )b")).isEqualTo("ab");
    }

    @Test
    void nestedClassesAndIntersectionAreKept() throws Exception {
      assertThat(rust("[a-z&&[^aeiou]]")).isEqualTo("[a-z&&[^aeiou]]");
      assertThat(finds(rust("^[a-z&&[^aeiou]]+$"), "xyz")).isTrue();
      assertThatThrownBy(() -> rust("[a-z--b]")).hasMessageContaining("set operation");
    }

    @Test
    void wordBoundaryAssertions() throws Exception {
      assertThat(finds(rust("\\<key\\>"), "a key here")).isTrue();
      assertThat(finds(rust("\\b{start}key"), "monkey")).isFalse();
    }
  }
}
