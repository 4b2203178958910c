package dev.mailleaks.match;

import dev.mailleaks.rules.Rule;
import dev.mailleaks.rules.RuleSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures which rules defeat the keyword prefilter on a sample text: rules whose keywords occur so often, or whose
 * unanchored windows are so large, that their regex work costs a noticeable share of a scan. Serves
 * {@code rules list --slow}.
 */
public final class SlowRules {
  /** A rule whose regex work costs at least this much per MB of text is listed (0.75% of a 150 MB/s budget). */
  public static final double SLOW_MICROS_PER_MB = 50;
  /** Keyword hits per MB above which a keyword is named as too common. */
  static final double COMMON_HITS_PER_MB = 200;
  /** Characters searched per MB (unanchored rules) above which the windows are named as too large. */
  static final double LARGE_SEARCH_PER_MB = 50_000;

  /** One rule's measured cost on the sample, and why it is slow. */
  public record Cost(Rule rule, double microsPerMb, double hitsPerMb, double triedPerMb, List<String> reasons) {
    public Cost {
      reasons = List.copyOf(reasons);
    }
  }

  /** The whole measurement: overall throughput, the keyword pass, and every rule that was hit, costliest first. */
  public record Report(long sampleChars, double megabytesPerSecond, double keywordPassMegabytesPerSecond,
      List<Cost> costs) {
    public Report {
      costs = List.copyOf(costs);
    }

    public List<Cost> slow() {
      return costs.stream().filter(c -> c.microsPerMb() >= SLOW_MICROS_PER_MB).toList();
    }
  }

  private SlowRules() {}

  /**
   * Runs the rules over {@code sample} {@code rounds} times after warm-up rounds, and keeps each rule's fastest
   * round (and the fastest overall), so that a garbage collection or a busy machine in one round does not make a
   * rule look slow.
   */
  public static Report measure(RuleSet rules, String sample, int rounds) {
    SecretMatcher matcher = new SecretMatcher(rules);
    for (int i = 0; i < 3; i++) {
      matcher.profile(sample, new RuleCosts()); // warm-up: let the JIT compile the keyword loop and the regexes
    }
    Map<String, RuleCosts.Cost> fastest = new LinkedHashMap<>();
    long bestNanos = Long.MAX_VALUE;
    long bestKeywordNanos = Long.MAX_VALUE;
    for (int i = 0; i < Math.max(1, rounds); i++) {
      RuleCosts costs = new RuleCosts();
      long t0 = System.nanoTime();
      matcher.profile(sample, costs);
      bestNanos = Math.min(bestNanos, System.nanoTime() - t0);
      bestKeywordNanos = Math.min(bestKeywordNanos, costs.keywordPassNanos());
      for (RuleCosts.Cost c : costs.costs()) {
        fastest.merge(c.rule().id(), c, (a, b) -> a.nanos() <= b.nanos() ? a : b);
      }
    }
    double mb = sample.length() / 1e6;
    Map<String, Long> keywordHits = keywordHits(rules, sample);
    List<Cost> costs = new ArrayList<>();
    List<RuleCosts.Cost> byCost = new ArrayList<>(fastest.values());
    byCost.sort(java.util.Comparator.comparingLong(RuleCosts.Cost::nanos).reversed());
    for (RuleCosts.Cost c : byCost) {
      double micros = c.nanos() / 1e3 / mb;
      double hits = c.hits() / mb;
      double tried = c.tried() / mb;
      List<String> reasons = new ArrayList<>();
      for (String keyword : c.rule().keywords()) {
        double perMb = keywordHits.getOrDefault(keyword.toLowerCase(Locale.ROOT), 0L) / mb;
        if (perMb >= COMMON_HITS_PER_MB) {
          reasons.add(String.format(Locale.ROOT, "keyword '%s' occurs %.0f times per MB", keyword, perMb));
        }
      }
      if (!c.rule().anchored() && tried >= LARGE_SEARCH_PER_MB) {
        reasons.add(String.format(Locale.ROOT, "no anchor (window_before): find() runs over %.0f KB per MB",
            tried / 1e3));
      }
      if (reasons.isEmpty() && micros >= SLOW_MICROS_PER_MB) {
        reasons.add("the pattern itself is slow on each try");
      }
      costs.add(new Cost(c.rule(), micros, hits, tried, reasons));
    }
    return new Report(sample.length(), mb / (bestNanos / 1e9), mb / (bestKeywordNanos / 1e9), costs);
  }

  private static Map<String, Long> keywordHits(RuleSet rules, String sample) {
    List<String> distinct = rules.rules().stream().flatMap(r -> r.keywords().stream())
        .map(k -> k.toLowerCase(Locale.ROOT)).distinct().toList();
    long[] counts = new long[distinct.size()];
    new KeywordIndex(distinct).search(sample, (keyword, start, end) -> counts[keyword]++);
    Map<String, Long> byKeyword = new HashMap<>();
    for (int i = 0; i < counts.length; i++) byKeyword.put(distinct.get(i), counts[i]);
    return byKeyword;
  }
}
