package dev.mailleaks.match;

import dev.mailleaks.rules.Rule;
import dev.mailleaks.rules.RuleSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every rule's examples and negative examples through the real matcher (keyword prefilter and windows
 * included), so a rule that passes here behaves the same in a scan. Serves {@code rules test} and the test suite.
 */
public final class RuleSelfTest {
  /** One failed example. */
  public record Failure(String ruleId, boolean negative, String example, String detail) {
    @Override
    public String toString() {
      return ruleId + ": " + (negative ? "negative example matched" : "example did not match") + ": "
          + abbreviate(example) + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
  }

  private RuleSelfTest() {}

  public static List<Failure> run(RuleSet rules) {
    List<Failure> failures = new ArrayList<>();
    for (Rule rule : rules.rules()) {
      failures.addAll(run(rule));
    }
    return failures;
  }

  /** Tests one rule alone, so that other rules' matches do not interfere. */
  public static List<Failure> run(Rule rule) {
    SecretMatcher matcher = new SecretMatcher(new RuleSet(List.of(rule)));
    List<Failure> failures = new ArrayList<>();
    for (String example : rule.examples()) {
      if (matcher.find(example).isEmpty()) {
        failures.add(new Failure(rule.id(), false, example, ""));
      }
    }
    for (String example : rule.negativeExamples()) {
      List<Match> matches = matcher.find(example);
      if (!matches.isEmpty()) {
        failures.add(new Failure(rule.id(), true, example, "matched " + matches.size() + " time(s)"));
      }
    }
    return failures;
  }

  private static String abbreviate(String example) {
    String flat = example.replace("\n", "\\n");
    return flat.length() > 100 ? flat.substring(0, 100) + "…" : flat;
  }
}
