package dev.mailleaks.bench;

import dev.mailleaks.match.KeywordIndex;
import dev.mailleaks.match.RuleCosts;
import dev.mailleaks.match.SecretMatcher;
import dev.mailleaks.rules.RuleLoader;
import dev.mailleaks.rules.RuleSet;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

/**
 * Matcher throughput per CPU-second, for machines too loaded for wall-clock benchmarks: the same corpus and rule
 * sets as {@link MatcherBenchmark} ({@code first-25} and {@code all}), timed with the thread's CPU time, so time
 * spent waiting for a core does not count. Prints the best of the rounds for each, and their ratio.
 *
 * <p>Also times the keyword pass alone, and with {@code --by-rule} profiles the full set over the corpus (wall
 * clock) and lists the costliest rules.
 *
 * <pre>java -cp target/benchmarks.jar dev.mailleaks.bench.CpuThroughput [rounds] [--by-rule]</pre>
 */
public final class CpuThroughput {
  private CpuThroughput() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 && !args[0].startsWith("-") ? Integer.parseInt(args[0]) : 8;
    MailCorpus corpus = MailCorpus.generate(MatcherBenchmark.SEED, MatcherBenchmark.CORPUS_CHARS,
        MatcherBenchmark.SECRET_EVERY_CHARS);
    RuleSet all = new RuleLoader().loadDefaults();
    RuleSet first25 = new RuleSet(all.rules().subList(0, Math.min(25, all.rules().size())));
    SecretMatcher small = new SecretMatcher(first25);
    SecretMatcher full = new SecretMatcher(all);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    double mb = corpus.chars / 1e6;
    long bestSmall = Long.MAX_VALUE;
    long bestFull = Long.MAX_VALUE;
    for (int round = 0; round < rounds + 2; round++) { // the first two rounds warm up the JIT
      long t0 = cpu.getCurrentThreadCpuTime();
      run(small, corpus.parts);
      long t1 = cpu.getCurrentThreadCpuTime();
      run(full, corpus.parts);
      long t2 = cpu.getCurrentThreadCpuTime();
      if (round >= 2) {
        bestSmall = Math.min(bestSmall, t1 - t0);
        bestFull = Math.min(bestFull, t2 - t1);
      }
    }
    long bestSmallKeywords = Long.MAX_VALUE;
    long bestFullKeywords = Long.MAX_VALUE;
    KeywordIndex smallIndex = index(first25);
    KeywordIndex fullIndex = index(all);
    for (int round = 0; round < rounds + 2; round++) {
      long t0 = cpu.getCurrentThreadCpuTime();
      keywordPass(smallIndex, corpus.parts);
      long t1 = cpu.getCurrentThreadCpuTime();
      keywordPass(fullIndex, corpus.parts);
      long t2 = cpu.getCurrentThreadCpuTime();
      if (round >= 2) {
        bestSmallKeywords = Math.min(bestSmallKeywords, t1 - t0);
        bestFullKeywords = Math.min(bestFullKeywords, t2 - t1);
      }
    }
    double smallRate = mb / (bestSmall / 1e9);
    double fullRate = mb / (bestFull / 1e9);
    System.out.printf(Locale.ROOT, "corpus %.2f MB in %d parts; best of %d rounds, MB per CPU-second:%n", mb,
        corpus.parts.size(), rounds);
    System.out.printf(Locale.ROOT, "first-25 (%d rules): %.0f MB/s%nall (%d rules): %.0f MB/s (%.0f%% of first-25)%n",
        first25.rules().size(), smallRate, all.rules().size(), fullRate, 100 * fullRate / smallRate);
    System.out.printf(Locale.ROOT, "keyword pass alone: first-25 %.0f MB/s, all %.0f MB/s%n",
        mb / (bestSmallKeywords / 1e9), mb / (bestFullKeywords / 1e9));
    if (List.of(args).contains("--by-rule")) {
      RuleCosts costs = new RuleCosts();
      for (String part : corpus.parts) full.profile(part, costs);
      System.out.printf(Locale.ROOT, "profile (wall clock): keyword pass %.1f ms, regex work %.1f ms; costliest rules:%n",
          costs.keywordPassNanos() / 1e6, costs.regexNanos() / 1e6);
      costs.costs().stream().limit(15).forEach(c -> System.out.printf(Locale.ROOT, "  %-36s %8.2f ms %8d hits %10d tried%n",
          c.rule().id(), c.nanos() / 1e6, c.hits(), c.tried()));
    }
  }

  private static KeywordIndex index(RuleSet rules) {
    return new KeywordIndex(rules.rules().stream().flatMap(r -> r.keywords().stream())
        .map(k -> k.toLowerCase(Locale.ROOT)).distinct().toList());
  }

  private static void keywordPass(KeywordIndex index, List<String> parts) {
    int[] hits = new int[1];
    for (String part : parts) index.search(part, (keyword, start, end) -> hits[0]++);
  }

  private static int run(SecretMatcher matcher, List<String> parts) {
    int n = 0;
    for (String part : parts) n += matcher.find(part).size();
    return n;
  }
}
