package dev.mailleaks.match;

import dev.mailleaks.rules.Rule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What rules cost on some text, gathered by {@link SecretMatcher#profile}: per rule, its keyword hits, how much
 * regex work they caused (start positions tried for an anchored rule, characters searched for an unanchored one)
 * and the time it took; and the keyword pass that all rules share.
 */
public final class RuleCosts {
  /** One rule's totals; {@code tried} counts start positions (anchored) or characters searched (unanchored). */
  public record Cost(Rule rule, long hits, long tried, long nanos) {}

  private final Map<String, long[]> byRule = new LinkedHashMap<>();
  private final Map<String, Rule> rules = new LinkedHashMap<>();
  private long chars;
  private long keywordNanos;

  void addKeywordPass(long textChars, long nanos) {
    chars += textChars;
    keywordNanos += nanos;
  }

  void add(Rule rule, long hits, long tried, long nanos) {
    rules.putIfAbsent(rule.id(), rule);
    long[] totals = byRule.computeIfAbsent(rule.id(), id -> new long[3]);
    totals[0] += hits;
    totals[1] += tried;
    totals[2] += nanos;
  }

  /** Characters of text profiled. */
  public long chars() {
    return chars;
  }

  public long keywordPassNanos() {
    return keywordNanos;
  }

  /** Every rule that was hit at least once, costliest first. */
  public List<Cost> costs() {
    List<Cost> out = new ArrayList<>();
    byRule.forEach((id, t) -> out.add(new Cost(rules.get(id), t[0], t[1], t[2])));
    out.sort(Comparator.comparingLong(Cost::nanos).reversed());
    return out;
  }

  public long regexNanos() {
    return byRule.values().stream().mapToLong(t -> t[2]).sum();
  }
}
