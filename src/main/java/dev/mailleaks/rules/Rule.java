package dev.mailleaks.rules;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One detection rule, loaded from YAML data.
 *
 * @param window how many characters after a keyword hit the pattern may reach
 * @param origin the file the rule came from, for diagnostics
 */
public record Rule(
    String id,
    String name,
    String description,
    String provider,
    Severity severity,
    List<String> keywords,
    Pattern pattern,
    int window,
    String remediation,
    List<String> references,
    List<String> examples,
    List<String> negativeExamples,
    String origin) {

  public static final int DEFAULT_WINDOW = 1024;
  public static final String SECRET_GROUP = "secret";

  public Rule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(severity, "severity");
    keywords = List.copyOf(keywords);
    references = List.copyOf(references);
    examples = List.copyOf(examples);
    negativeExamples = List.copyOf(negativeExamples);
    if (keywords.isEmpty()) {
      throw new IllegalArgumentException("rule " + id + " has no keywords");
    }
    if (window <= 0) {
      throw new IllegalArgumentException("rule " + id + " has a window <= 0");
    }
  }
}
