package dev.mailleaks.bench;

import dev.mailleaks.match.KeywordIndex;
import dev.mailleaks.match.Match;
import dev.mailleaks.match.SecretMatcher;
import dev.mailleaks.rules.Rule;
import dev.mailleaks.rules.RuleLoader;
import dev.mailleaks.rules.RuleSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The matcher hot loop: {@link SecretMatcher#find} over about 4 MB of synthetic mail text (prose with quoted
 * replies, header blocks, raw HTML, CSV/log attachments, base64 blocks, a few secrets), split into parts of
 * 1-130 KB the way the scanner calls it (once per decoded part).
 *
 * <p>One operation = the whole corpus, so {@code MB/s = ops/s * corpus MB} (the corpus size is printed at setup);
 * the {@code mb} auxiliary counter reports the same directly, in 10^6 chars per second.
 *
 * <p>{@code rules}:
 * <ul>
 *   <li>{@code first-25}: the first 25 bundled rules (in file order), the size of the first rule library.</li>
 *   <li>{@code all}: the bundled rules ({@code RuleLoader.loadDefaults()}). The matcher's promise is that
 *       {@code all} runs at no less than half the speed of {@code first-25}, however many rules are added.</li>
 *   <li>{@code x8}: each bundled rule 8 times (distinct ids); copies 1-7 get slightly different keywords
 *       (a digit appended), so they add automaton states but rarely fire: the cost of adding rules.</li>
 *   <li>{@code x8-same-keywords}: each rule 8 times with its own keywords, so every keyword hit runs 8 regexes:
 *       the cost of the regex phase.</li>
 * </ul>
 * {@code keywordPass} measures only the Aho-Corasick keyword pass over the same text, to split the cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 3) // the regex-heavy full library keeps speeding up for ~15 s (measured)
@Measurement(iterations = 3, time = 3)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class MatcherBenchmark {
  static final long SEED = 20240101L;
  static final int CORPUS_CHARS = 4 * 1000 * 1000;
  static final int SECRET_EVERY_CHARS = 400 * 1000;

  @Param({"first-25", "all", "x8", "x8-same-keywords"})
  public String rules;

  private List<String> parts;
  private long corpusChars;
  private SecretMatcher matcher;
  private KeywordIndex keywords;

  /** Characters scanned, reported as a rate: 10^6 chars (about MB, the text is mostly ASCII) per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Throughput {
    public double mb;

    @Setup(Level.Iteration)
    public void reset() {
      mb = 0;
    }
  }

  @Setup(Level.Trial)
  public void setup() throws Exception {
    MailCorpus corpus = MailCorpus.generate(SEED, CORPUS_CHARS, SECRET_EVERY_CHARS);
    parts = corpus.parts;
    corpusChars = corpus.chars;
    RuleSet base = new RuleLoader().loadDefaults();
    RuleSet ruleSet = switch (rules) {
      case "first-25" -> new RuleSet(base.rules().subList(0, Math.min(25, base.rules().size())));
      case "all" -> base;
      case "x8" -> multiply(base, 8, true);
      case "x8-same-keywords" -> multiply(base, 8, false);
      default -> throw new IllegalArgumentException("rules=" + rules);
    };
    matcher = new SecretMatcher(ruleSet);
    Set<String> distinct = new LinkedHashSet<>();
    for (Rule rule : ruleSet.rules()) {
      for (String k : rule.keywords()) distinct.add(k.toLowerCase(Locale.ROOT));
    }
    keywords = new KeywordIndex(List.copyOf(distinct));
    int matches = 0;
    for (String part : parts) matches += matcher.find(part).size();
    System.out.printf(Locale.ROOT, "%n[setup] rules=%s: %d rules, %d distinct keywords; corpus %d parts, %d chars "
            + "(%.3f MB), %d secrets planted, %d matches%n",
        rules, ruleSet.rules().size(), distinct.size(), parts.size(), corpusChars, corpusChars / 1e6, corpus.planted,
        matches);
  }

  @Benchmark
  public void find(Blackhole bh, Throughput t) {
    for (String part : parts) {
      List<Match> found = matcher.find(part);
      bh.consume(found);
    }
    t.mb += corpusChars / 1e6;
  }

  @Benchmark
  public void keywordPass(Blackhole bh, Throughput t) {
    int[] hits = new int[1];
    for (String part : parts) {
      keywords.search(part, (keyword, start, end) -> hits[0]++);
    }
    bh.consume(hits[0]);
    t.mb += corpusChars / 1e6;
  }

  /** Each rule {@code copies} times; copy k > 0 gets id {@code <id>.copy<k>} and, if asked, keywords + k. */
  static RuleSet multiply(RuleSet base, int copies, boolean varyKeywords) {
    List<Rule> out = new ArrayList<>();
    for (int k = 0; k < copies; k++) {
      for (Rule r : base.rules()) {
        if (k == 0) {
          out.add(r);
          continue;
        }
        List<String> kw = new ArrayList<>();
        for (String keyword : r.keywords()) kw.add(varyKeywords ? keyword + k : keyword);
        out.add(r.withIdAndKeywords(r.id() + ".copy" + k, kw));
      }
    }
    return new RuleSet(out);
  }
}
