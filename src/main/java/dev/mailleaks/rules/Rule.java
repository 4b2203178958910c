package dev.mailleaks.rules;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One detection rule, loaded from YAML data.
 *
 * @param keywordsMatchCase when true a keyword counts only where the text has it in the same case ({@code ASIA},
 *     not the word {@code Asia}); for rules whose pattern requires the literal as written
 * @param window how many characters after a keyword hit the pattern may reach
 * @param windowBefore when set (not {@link #UNANCHORED}): a match starts at most this many characters before a
 *     keyword hit, or at it; when unset the pattern is searched in the whole window around the hit
 * @param afterKeyword for anchored rules, what the text right after a keyword hit must start with for the hit to
 *     be tried at all (once per hit, instead of its {@code window_before} start positions), or null: for rules
 *     hit often by prose, whose keyword must be followed by an operator or a value
 * @param minEntropy the least Shannon entropy, in bits per character, of a secret worth reporting (0: any)
 * @param allowlist matches that are not reported
 * @param validator a built-in check the secret must pass to be reported, or null
 * @param companion a match that must occur near the secret for it to be reported, or null
 * @param origin the file the rule came from, for diagnostics
 */
public record Rule(
    String id,
    String name,
    String description,
    String provider,
    Severity severity,
    List<String> keywords,
    boolean keywordsMatchCase,
    Pattern pattern,
    int window,
    int windowBefore,
    Pattern afterKeyword,
    double minEntropy,
    Allowlist allowlist,
    Validator validator,
    Companion companion,
    String remediation,
    List<String> references,
    List<String> examples,
    List<String> negativeExamples,
    String origin) {

  public static final int DEFAULT_WINDOW = 1024;
  /** Unanchored rules are searched from this many characters before a keyword hit to {@code window} after it. */
  public static final int DEFAULT_WINDOW_BEFORE = 256;
  public static final int UNANCHORED = -1;
  public static final String SECRET_GROUP = "secret";
  /** An optional group naming whose the secret is (the host of a URL): reported, not secret. */
  public static final String ACCOUNT_GROUP = "account";

  public Rule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(allowlist, "allowlist");
    keywords = List.copyOf(keywords);
    references = List.copyOf(references);
    examples = List.copyOf(examples);
    negativeExamples = List.copyOf(negativeExamples);
    if (keywords.isEmpty()) {
      throw new IllegalArgumentException("rule " + id + " has no keywords");
    }
    if (window <= 0 || windowBefore < UNANCHORED) {
      throw new IllegalArgumentException("rule " + id + " has a window <= 0 or a negative window_before");
    }
    if (afterKeyword != null && windowBefore == UNANCHORED) {
      throw new IllegalArgumentException("rule " + id + " has after_keyword without window_before");
    }
  }

  /** A rule without a validator or companion (as before those keys existed). */
  public Rule(String id, String name, String description, String provider, Severity severity, List<String> keywords,
      Pattern pattern, int window, int windowBefore, double minEntropy, Allowlist allowlist, String remediation,
      List<String> references, List<String> examples, List<String> negativeExamples, String origin) {
    this(id, name, description, provider, severity, keywords, false, pattern, window, windowBefore, null, minEntropy,
        allowlist, null, null, remediation, references, examples, negativeExamples, origin);
  }

  /** The same rule with other keywords and id: for benchmarks and tests that multiply a rule set. */
  public Rule withIdAndKeywords(String newId, List<String> newKeywords) {
    return new Rule(newId, name, description, provider, severity, newKeywords, keywordsMatchCase, pattern, window, windowBefore,
        afterKeyword, minEntropy, allowlist, validator, companion, remediation, references, examples, negativeExamples, origin);
  }

  public boolean hasAccountGroup() {
    return pattern.pattern().contains("(?<" + ACCOUNT_GROUP + ">");
  }

  /** True if matches start near a keyword hit, so only those start positions need to be tried. */
  public boolean anchored() {
    return windowBefore != UNANCHORED;
  }
}
