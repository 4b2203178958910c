package dev.mailleaks.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailleaks.decode.TextUnit;
import dev.mailleaks.extract.MessageHeaders;
import dev.mailleaks.match.Match;
import dev.mailleaks.rules.Allowlist;
import dev.mailleaks.rules.Rule;
import dev.mailleaks.rules.Severity;
import dev.mailleaks.source.MessageOrigin;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Unit tests for {@link FindingAssembler}: one finding per secret and message. */
class FindingAssemblerTest {
  private static Rule rule(String id, String provider, Severity severity) {
    return new Rule(id, id, "", provider, severity, List.of("k"), Pattern.compile("(?<secret>x)"), 64, Rule.UNANCHORED,
        0, Allowlist.NONE, "", List.of(), List.of("x"), List.of("y"), "test");
  }

  private static final MessageOrigin ORIGIN = new MessageOrigin("a.mbox", 3, 120);
  private static final MessageHeaders HEADERS =
      new MessageHeaders("<m@x>", "Ann <ann@c.example>", "", "", "ops@d.example", "", "Mon, 1 Jan 2024", "key hunter2-Secret");

  @Test
  void oneFindingPerSecretListingEveryPart() {
    Rule pem = rule("private-key.pem", "Generic", Severity.CRITICAL);
    FindingAssembler assembler = new FindingAssembler(false);
    String plain = "line one\nthe key: hunter2-Secret";
    assembler.add(new TextUnit("1.1", plain), List.of(new Match(pem, 18, 32, "hunter2-Secret")));
    assembler.add(new TextUnit("1.2", "hunter2-Secret"), List.of(new Match(pem, 0, 14, "hunter2-Secret")));
    List<Finding> findings = assembler.findings(ORIGIN, HEADERS);
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.parts()).containsExactly("1.1", "1.2");
      assertThat(f.line()).isEqualTo(2);
      assertThat(f.context()).isEqualTo("the key: hu…t");
      assertThat(f.subject()).as("the secret is scrubbed from the subject").isEqualTo("key hu…t");
      assertThat(f.secret()).isNull();
      assertThat(f.messageOffset()).isEqualTo(120);
    });
  }

  @Test
  void aCatchAllGenericRuleYieldsToAKindOfSecretWhateverTheOrder() {
    Rule assignment = rule("generic.credential-assignment", "Generic", Severity.HIGH);
    Rule jwt = rule("jwt", "Generic", Severity.HIGH);
    for (List<Rule> order : List.of(List.of(assignment, jwt), List.of(jwt, assignment))) {
      FindingAssembler assembler = new FindingAssembler(false);
      assembler.add(new TextUnit("1", "token=eyJabc"), order.stream()
          .map(r -> new Match(r, 6, 12, "eyJabc")).toList());
      assertThat(assembler.findings(ORIGIN, HEADERS)).singleElement()
          .satisfies(f -> assertThat(f.ruleId()).isEqualTo("jwt"));
    }
  }

  @Test
  void theSameSecretFoundByTwoRulesIsNamedByTheMostSpecific() {
    Rule pem = rule("private-key.pem", "Generic", Severity.CRITICAL);
    Rule gcp = rule("gcp.service-account-key", "Google", Severity.CRITICAL);
    Rule low = rule("other.low", "Other", Severity.LOW);
    FindingAssembler assembler = new FindingAssembler(true);
    String text = "abcdefghijklmn";
    assembler.add(new TextUnit("1", text),
        List.of(new Match(pem, 0, 14, text), new Match(low, 0, 14, text), new Match(gcp, 0, 14, text)));
    assertThat(assembler.findings(ORIGIN, HEADERS)).singleElement()
        .satisfies(f -> {
          assertThat(f.ruleId()).isEqualTo("gcp.service-account-key");
          assertThat(f.secret()).isEqualTo(text);
        });
  }
}
