package dev.mailleaks.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailleaks.match.KeywordCheck;
import dev.mailleaks.match.RuleSelfTest;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every bundled rule loads, and every example and negative example behaves as the rule says. */
class BundledRulesTest {
  private static RuleSet bundled() throws RuleFileException {
    return new RuleLoader().loadDefaults();
  }

  @Test
  void bundledRulesLoadWithoutProblems() throws Exception {
    RuleSet rules = bundled();
    assertThat(rules.rules()).isNotEmpty();
    assertThat(rules.rules()).allSatisfy(r -> {
      assertThat(r.examples()).as(r.id() + " examples").isNotEmpty();
      assertThat(r.negativeExamples()).as(r.id() + " negative examples").isNotEmpty();
      assertThat(r.remediation()).as(r.id() + " remediation").isNotBlank();
    });
  }

  /**
   * A short or common keyword makes its rule run on most mail: the prefilter must stay selective as rules grow.
   * The exceptions are the generic rules for credentials written in prose and tables ("token abc…", a Password
   * column), whose only possible keyword is the word itself; their cost is measured (rules list --slow,
   * src/bench/RESULTS.md) and no other rule may join them.
   */
  @Test
  void bundledKeywordsAreDistinctive() throws Exception {
    Set<String> proseRules = Set.of("generic.credential-named", "generic.password-quoted",
        "generic.credential-on-next-line", "generic.password-column");
    assertThat(KeywordCheck.check(bundled())).filteredOn(w -> !proseRules.contains(w.ruleId())).isEmpty();
  }

  @TestFactory
  Stream<DynamicTest> everyRulePassesItsOwnExamples() throws Exception {
    return bundled().rules().stream().map(rule -> DynamicTest.dynamicTest(rule.id(),
        () -> assertThat(RuleSelfTest.run(rule)).as(rule.id()).isEmpty()));
  }
}
