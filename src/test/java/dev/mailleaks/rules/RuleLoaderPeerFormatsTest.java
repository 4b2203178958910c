package dev.mailleaks.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailleaks.rules.peer.PeerRuleFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RuleLoader} dispatching peer rule files to their readers, next to our own rules. */
class RuleLoaderPeerFormatsTest {
  @TempDir Path dir;

  @Test
  void aFolderMixesOurRulesWithGitleaksAndNoseyParkerFiles() throws Exception {
    Files.writeString(dir.resolve("ours.yml"), """
        rules:
          - id: demo.token
            name: Demo token
            severity: low
            keywords: [demo_]
            pattern: '(?<secret>demo_[a-z]{4})'
            examples: ['demo_abcd']
            negative_examples: ['demo_ABCD']
        """);
    Files.writeString(dir.resolve("gitleaks.toml"), """
        [[rules]]
        id = "tok"
        regex = '''tok_[a-z]{4}'''
        keywords = ["tok_"]
        """);
    Files.writeString(dir.resolve("np.yml"), """
        rules:
        - name: Demo Key
          id: np.demo.1
          pattern: '\\b(dmk_[a-z]{8})\\b'
          examples: ['dmk_abcdefgh']
        """);
    RuleLoader loader = new RuleLoader();
    RuleSet rules = loader.load(List.of(dir));
    assertThat(rules.rules()).extracting(Rule::id).containsExactly("gitleaks.tok", "np.demo.1", "demo.token");
    assertThat(loader.imports()).extracting(PeerRuleFile::format).containsExactly("gitleaks", "noseyparker");
  }

  @Test
  void aPeersRepeatedIdIsReportedNotFatal() throws Exception {
    Path file = Files.writeString(dir.resolve("kf.yml"), """
        rules:
          - name: One
            id: kingfisher.demo.1
            pattern: '\\b(one_[a-z]{8})\\b'
          - name: One again
            id: kingfisher.demo.1
            pattern: '\\b(two_[a-z]{8})\\b'
        """);
    RuleLoader loader = new RuleLoader();
    assertThat(loader.load(List.of(file)).rules()).extracting(Rule::name).containsExactly("One");
    assertThat(loader.imports().get(0).diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.message()).startsWith("not imported: duplicate rule id"));
  }

  @Test
  void ourRulesWithImportedFromMayLackExamplesAndUseMatchAllowlists() throws IOException, RuleFileException {
    Path file = Files.writeString(dir.resolve("converted.yml"), """
        rules:
          - id: gitleaks.tok
            name: tok (gitleaks)
            severity: medium
            keywords: [tok_]
            pattern: '(?<secret>tok_[a-z]{4})'
            allowlist:
              matches: ['^tok_x']
            imported_from: {format: gitleaks, file: gitleaks.toml, rule: tok}
        """);
    Rule rule = new RuleLoader().load(List.of(file)).rules().get(0);
    assertThat(rule.examples()).isEmpty();
    assertThat(rule.allowlist().allows("tok_xabc", "tok_xabc", "")).isTrue();
  }
}
