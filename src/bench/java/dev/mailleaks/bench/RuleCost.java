package dev.mailleaks.bench;

import dev.mailleaks.match.Match;
import dev.mailleaks.match.SecretMatcher;
import dev.mailleaks.rules.Rule;
import dev.mailleaks.rules.RuleLoader;
import dev.mailleaks.rules.RuleSet;
import java.util.List;
import java.util.Locale;

/**
 * Which rules cost the most: runs {@link SecretMatcher#find} over the benchmark corpus once per bundled rule
 * (a matcher holding only that rule) and prints, per rule, the time, the share of the sum, throughput, and
 * the number of matches. Not a JMH benchmark (no forks, a simple warm-up), but good enough to rank rules.
 *
 * <pre>java -cp target/benchmarks.jar dev.mailleaks.bench.RuleCost [rounds] [--show-matches]</pre>
 */
public final class RuleCost {
  private RuleCost() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 && !args[0].startsWith("-") ? Integer.parseInt(args[0]) : 5;
    boolean showMatches = List.of(args).contains("--show-matches");
    MailCorpus corpus = MailCorpus.generate(MatcherBenchmark.SEED, MatcherBenchmark.CORPUS_CHARS,
        MatcherBenchmark.SECRET_EVERY_CHARS);
    RuleSet all = new RuleLoader().loadDefaults();
    List<Rule> rules = all.rules();
    SecretMatcher[] single = new SecretMatcher[rules.size()];
    for (int r = 0; r < rules.size(); r++) single[r] = new SecretMatcher(new RuleSet(List.of(rules.get(r))));
    SecretMatcher full = new SecretMatcher(all);

    // warm-up: every matcher a few times so the regexes are compiled by the JIT
    for (int w = 0; w < 3; w++) {
      for (SecretMatcher m : single) run(m, corpus.parts);
      run(full, corpus.parts);
    }
    long[] nanos = new long[rules.size()];
    int[] matches = new int[rules.size()];
    long fullNanos = 0;
    for (int round = 0; round < rounds; round++) {
      for (int r = 0; r < rules.size(); r++) {
        long t0 = System.nanoTime();
        matches[r] = run(single[r], corpus.parts);
        nanos[r] += System.nanoTime() - t0;
      }
      long t0 = System.nanoTime();
      run(full, corpus.parts);
      fullNanos += System.nanoTime() - t0;
    }
    long sum = 0;
    for (long n : nanos) sum += n;
    double mb = corpus.chars / 1e6;
    System.out.printf(Locale.ROOT, "corpus: %d parts, %.3f MB, %d secrets planted; %d rounds%n",
        corpus.parts.size(), mb, corpus.planted, rounds);
    System.out.printf(Locale.ROOT, "all %d rules in one matcher: %.1f ms per corpus = %.1f MB/s%n", rules.size(),
        fullNanos / 1e6 / rounds, mb / (fullNanos / 1e9 / rounds));
    System.out.printf(Locale.ROOT, "%-28s %10s %7s %10s %8s%n", "rule (alone)", "ms/corpus", "share", "MB/s", "matches");
    Integer[] order = new Integer[rules.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    java.util.Arrays.sort(order, (a, b) -> Long.compare(nanos[b], nanos[a]));
    for (int r : order) {
      double ms = nanos[r] / 1e6 / rounds;
      System.out.printf(Locale.ROOT, "%-28s %10.2f %6.1f%% %10.1f %8d%n", rules.get(r).id(), ms, 100.0 * nanos[r] / sum,
          mb / (ms / 1e3), matches[r]);
    }
    if (showMatches) {
      for (String part : corpus.parts) {
        for (Match m : full.find(part)) {
          int from = Math.max(0, m.start() - 40);
          int to = Math.min(part.length(), m.end() + 20);
          System.out.printf("%-24s %s%n", m.rule().id(), part.substring(from, to).replace('\n', ' '));
        }
      }
    }
  }

  private static int run(SecretMatcher matcher, List<String> parts) {
    int n = 0;
    for (String part : parts) n += matcher.find(part).size();
    return n;
  }
}
