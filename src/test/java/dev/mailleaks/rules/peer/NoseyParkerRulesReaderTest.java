package dev.mailleaks.rules.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mailleaks.match.RuleSelfTest;
import dev.mailleaks.rules.Rule;
import dev.mailleaks.rules.Severity;
import org.junit.jupiter.api.Test;

/** Unit tests for {@link NoseyParkerRulesReader} and {@link KingfisherRulesReader} over small YAML documents. */
class NoseyParkerRulesReaderTest {
  private static JsonNode yaml(String text) throws Exception {
    return new ObjectMapper(new YAMLFactory()).readTree(text);
  }

  @Test
  void readsANoseyParkerRuleWithVerbosePatternAndDerivedKeywords() throws Exception {
    JsonNode root = yaml("""
        rules:
        - name: Demo API Key
          id: np.demo.1
          pattern: |
            (?x)
            \\b
            (dmk_[a-zA-Z0-9]{16})   # the key
            (?: [^a-zA-Z0-9] | $ )
          categories: [api, secret]
          description: >
            A demo key.
          examples:
          - 'key = dmk_Q7rT2kLm9XbV4nPz'
          negative_examples:
          - 'dmk_short'
          references:
          - https://example.com/docs
        """);
    assertThat(PeerRuleFormats.isPeerYaml(root)).isTrue();
    PeerRuleFile file = PeerRuleFormats.readPeerYaml("np.yml", root);
    assertThat(file.format()).isEqualTo("noseyparker");
    Rule rule = file.rules().get(0).rule();
    assertThat(rule.id()).isEqualTo("np.demo.1");
    assertThat(rule.provider()).isEqualTo("Demo");
    assertThat(rule.keywords()).containsExactly("dmk_");
    assertThat(rule.description()).isEqualTo("A demo key. Categories: api, secret.");
    assertThat(rule.references()).containsExactly("https://example.com/docs");
    assertThat(RuleSelfTest.run(rule)).isEmpty();
    assertThat(file.diagnostics()).isEmpty();
  }

  @Test
  void aRuleWithoutAnyKeywordIsNotImportedAsSlow() throws Exception {
    PeerRuleFile file = PeerRuleFormats.readPeerYaml("np.yml", yaml("""
        rules:
        - name: Hex
          id: np.hex.1
          pattern: '\\b([a-f0-9]{32})\\b'
          examples: ['0123456789abcdef0123456789abcdef']
        """));
    assertThat(file.rules()).isEmpty();
    assertThat(file.diagnostics()).singleElement().satisfies(d -> assertThat(d.message()).startsWith("not imported: slow"));
  }

  @Test
  void aRuleWithOnlyShortLiteralsIsImportedAsSlow() throws Exception {
    PeerRuleFile file = PeerRuleFormats.readPeerYaml("np.yml", yaml("""
        rules:
        - name: Bcrypt hash
          id: np.pwhash.9
          pattern: '(\\$2[aby]\\$[0-9]{2}\\$[./A-Za-z0-9]{53})'
          examples: ['$2b$12$abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ01']
        """));
    Rule rule = file.rules().get(0).rule();
    assertThat(rule.keywords()).containsExactly("$2");
    assertThat(RuleSelfTest.run(rule)).isEmpty();
    assertThat(file.diagnostics()).singleElement().satisfies(d -> assertThat(d.message())
        .startsWith("approximated: slow: no literal of 3+ characters").contains("near every '$2'"));
  }

  @Test
  void rulesetFilesImportNothingAndSaySo() throws Exception {
    JsonNode root = yaml("rulesets:\n- id: default\n  include_rule_ids: [np.demo.1]\n");
    assertThat(PeerRuleFormats.isPeerYaml(root)).isTrue();
    PeerRuleFile file = PeerRuleFormats.readPeerYaml("rulesets.yml", root);
    assertThat(file.rules()).isEmpty();
    assertThat(file.diagnostics()).singleElement().satisfies(d -> assertThat(d.message()).contains("rulesets"));
  }

  @Test
  void readsKingfisherKeywordsEntropyConfidenceAndReportsValidation() throws Exception {
    JsonNode root = yaml("""
        rules:
          - name: Demo Token
            id: kingfisher.demo.1
            pattern: |
              (?xi)
              \\b
              demo
              (?:.|[\\n\\r]){0,16}?
              (?:TOKEN|KEY)
              (?:.|[\\n\\r]){0,16}?
              \\b
              ( [a-z0-9]{24} )
              \\b
            keywords: [demo]
            min_entropy: 3.0
            confidence: high
            examples:
              - 'demo_token = q7rt2klm9xbv4npz8wcy3hjd'
            validation:
              type: Http
          - name: Demo Helper
            id: kingfisher.demo.2
            pattern: '\\b(helper[0-9]{4})\\b'
            visible: false
            examples: ['helper1234']
        """);
    PeerRuleFile file = PeerRuleFormats.readPeerYaml("kf.yml", root);
    assertThat(file.format()).isEqualTo("kingfisher");
    assertThat(file.rules()).hasSize(1);
    Rule rule = file.rules().get(0).rule();
    assertThat(rule.keywords()).containsExactly("demo");
    assertThat(rule.minEntropy()).isEqualTo(3.0);
    assertThat(rule.severity()).isEqualTo(Severity.HIGH);
    assertThat(rule.negativeExamples()).isEmpty();
    assertThat(RuleSelfTest.run(rule)).isEmpty();
    assertThat(file.diagnostics()).extracting(d -> d.ruleId() + ": " + d.message()).containsExactly(
        "kingfisher.demo.1: not carried over: validation (live validation against the provider; mailleaks does not call providers)",
        "kingfisher.demo.2: not imported: visible: false (a helper for another rule's validation; Kingfisher reports nothing for it)");
  }

  @Test
  void ourOwnRulesAreNotTakenForAPeers() throws Exception {
    assertThat(PeerRuleFormats.isPeerYaml(yaml("""
        rules:
          - id: demo.token
            name: Demo token
            severity: low
            keywords: [demo_]
            pattern: '(?<secret>demo_[a-z]{4})'
        """))).isFalse();
    assertThat(PeerRuleFormats.isPeerYaml(yaml("rules: []"))).isFalse();
  }
}
