package dev.mailleaks.bench;

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
 * <pre>java -cp target/benchmarks.jar dev.mailleaks.bench.CpuThroughput [rounds]</pre>
 */
public final class CpuThroughput {
  private CpuThroughput() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
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
    double smallRate = mb / (bestSmall / 1e9);
    double fullRate = mb / (bestFull / 1e9);
    System.out.printf(Locale.ROOT, "corpus %.2f MB in %d parts; best of %d rounds, MB per CPU-second:%n", mb,
        corpus.parts.size(), rounds);
    System.out.printf(Locale.ROOT, "first-25 (%d rules): %.0f MB/s%nall (%d rules): %.0f MB/s (%.0f%% of first-25)%n",
        first25.rules().size(), smallRate, all.rules().size(), fullRate, 100 * fullRate / smallRate);
  }

  private static int run(SecretMatcher matcher, List<String> parts) {
    int n = 0;
    for (String part : parts) n += matcher.find(part).size();
    return n;
  }
}
