package dev.mailleaks.match;

import dev.mailleaks.rules.KeyBlockText;
import dev.mailleaks.rules.Rule;
import dev.mailleaks.rules.RuleSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds rule matches in text: one keyword pass over the whole text, then each rule's regex only near its
 * keyword hits. An anchored rule (one with {@code window_before}) is tried only at the few start positions just
 * before each hit; an unanchored one is searched in the merged windows around its hits.
 *
 * <p>The work of one {@link #find} grows with the text and the rules whose keywords occur in it, never with the
 * size of the rule set: per-call state exists only for rules that were hit. Thread-safe: it holds no per-call state.
 */
public final class SecretMatcher {
  private final List<Rule> rules;
  private final KeywordIndex keywords;
  private final int[][] rulesOfKeyword;
  /**
   * Parallel to {@link #rulesOfKeyword}: the keyword as written, for owners whose rule matches keyword case, else
   * null (the whole row is null when no owner does). The automaton is case-insensitive; a hit in another case is
   * dropped here, before it costs a regex try ({@code ASIA} is an AWS key prefix, {@code Asia} is prose).
   */
  private final String[][] exactCaseOfKeyword;
  /**
   * For anchored rules, the pattern as a zero-width look-ahead ending in the empty group {@link #MATCH_END}: one
   * {@code find} over the region of allowed start positions then tries them all, where calling {@code lookingAt}
   * at each position paid the matcher's set-up every time (most of the cost of rules hit hundreds of times per MB).
   * The group comes last so that the pattern's own numbered groups and back-references keep their numbers; with
   * transparent bounds the look-ahead reads past the region's end. Null for unanchored rules.
   */
  private final Pattern[] probes;
  private static final String MATCH_END = "mlmatchend";
  /**
   * Anchored rules whose pattern starts with {@code (?m)^}: only line starts are tried, found by a character scan,
   * instead of letting {@code find} test the caret at each of the {@code window_before} positions (a table rule
   * looks 300 characters back from each hit).
   */
  private final boolean[] lineStartsOnly;

  public SecretMatcher(RuleSet ruleSet) {
    this.rules = ruleSet.rules();
    this.probes = new Pattern[rules.size()];
    this.lineStartsOnly = new boolean[rules.size()];
    for (int r = 0; r < rules.size(); r++) {
      Pattern p = rules.get(r).pattern();
      boolean comments = (p.flags() & Pattern.COMMENTS) != 0 || p.pattern().contains("(?x"); // a '#' could hide the end
      if (rules.get(r).anchored() && !comments) {
        probes[r] = Pattern.compile("(?=(?:" + p.pattern() + ")(?<" + MATCH_END + ">))", p.flags());
        lineStartsOnly[r] = p.pattern().startsWith("(?m)^") && (p.flags() & Pattern.UNIX_LINES) == 0;
      }
    }
    Map<String, List<Integer>> byKeyword = new LinkedHashMap<>();
    Map<String, List<String>> exactByKeyword = new LinkedHashMap<>();
    for (int r = 0; r < rules.size(); r++) {
      Rule rule = rules.get(r);
      for (String keyword : rule.keywords()) {
        String folded = keyword.toLowerCase(Locale.ROOT);
        List<Integer> owners = byKeyword.computeIfAbsent(folded, k -> new ArrayList<>());
        List<String> exact = exactByKeyword.computeIfAbsent(folded, k -> new ArrayList<>());
        // a case-matching rule owns a folded keyword once per spelling (ASIA and Asia)
        String spelling = rule.keywordsMatchCase() ? keyword : null;
        if (!owns(owners, exact, r, spelling)) {
          owners.add(r);
          exact.add(spelling);
        }
      }
    }
    this.keywords = new KeywordIndex(List.copyOf(byKeyword.keySet()));
    this.rulesOfKeyword = byKeyword.values().stream()
        .map(owners -> owners.stream().mapToInt(Integer::intValue).toArray())
        .toArray(int[][]::new);
    this.exactCaseOfKeyword = exactByKeyword.values().stream()
        .map(exact -> exact.stream().allMatch(Objects::isNull) ? null : exact.toArray(String[]::new))
        .toArray(String[][]::new);
  }

  private static boolean owns(List<Integer> owners, List<String> exact, int rule, String spelling) {
    for (int i = 0; i < owners.size(); i++) {
      if (owners.get(i) == rule && Objects.equals(exact.get(i), spelling)) {
        return true;
      }
    }
    return false;
  }

  public List<Rule> rules() {
    return rules;
  }

  /** All matches in {@code text}, ordered by position then rule order; a span is reported once per rule. */
  public List<Match> find(String text) {
    Search search = new Search(text, null);
    keywords.search(text, search::hit);
    return search.finish();
  }

  /**
   * Like {@link #find}, but also adds to {@code costs} what each rule that was hit cost: keyword hits, characters
   * its regex was run over and the time it took. For {@code rules list --slow}; slower than {@code find}.
   */
  public List<Match> profile(String text, RuleCosts costs) {
    Search search = new Search(text, costs);
    long t0 = System.nanoTime();
    keywords.search(text, search::hit);
    costs.addKeywordPass(text.length(), System.nanoTime() - t0);
    return search.finish();
  }

  /** The state of one rule within one {@link #find}: created on the rule's first keyword hit. */
  private static final class RuleState {
    final int rule;
    Matcher matcher;
    Matcher probe;
    Matcher gate;
    long[] hits = new long[4]; // (start << 32 | end) of each keyword hit
    int hitCount;

    RuleState(int rule) {
      this.rule = rule;
    }

    void add(int start, int end) {
      if (hitCount == hits.length) {
        hits = Arrays.copyOf(hits, hitCount * 2);
      }
      hits[hitCount++] = (long) start << 32 | end;
    }
  }

  private record Found(int rule, Match match) {}

  private record Span(int rule, int start, int end) {}

  /** The state of one {@link #find}: the rules hit so far, and matches found. */
  private final class Search {
    private final String text;
    private final RuleCosts costs;
    /** Open addressing from rule index to its state; sized by the rules hit, not by the rule set. */
    private RuleState[] slots = new RuleState[16];
    private final List<RuleState> touched = new ArrayList<>();
    private final List<Found> found = new ArrayList<>();
    private Set<Span> seen;

    Search(String text, RuleCosts costs) {
      this.text = text;
      this.costs = costs;
    }

    void hit(int keyword, int start, int end) {
      int[] owners = rulesOfKeyword[keyword];
      String[] exact = exactCaseOfKeyword[keyword];
      for (int i = 0; i < owners.length; i++) {
        if (exact != null && exact[i] != null && !text.startsWith(exact[i], start)) {
          continue;
        }
        state(owners[i]).add(start, end);
      }
    }

    private RuleState state(int r) {
      int mask = slots.length - 1;
      int i = slot(r, mask);
      while (true) {
        RuleState s = slots[i];
        if (s == null) {
          s = new RuleState(r);
          slots[i] = s;
          touched.add(s);
          if (touched.size() * 2 > slots.length) {
            grow();
          }
          return s;
        }
        if (s.rule == r) {
          return s;
        }
        i = (i + 1) & mask;
      }
    }

    /** Fibonacci hashing: rule indexes are small consecutive numbers, the multiplication spreads them. */
    private static int slot(int rule, int mask) {
      return (rule * 0x9E3779B9) >>> 16 & mask;
    }

    private void grow() {
      RuleState[] bigger = new RuleState[slots.length * 2];
      int mask = bigger.length - 1;
      for (RuleState s : touched) {
        int i = slot(s.rule, mask);
        while (bigger[i] != null) i = (i + 1) & mask;
        bigger[i] = s;
      }
      slots = bigger;
    }

    List<Match> finish() {
      touched.sort(Comparator.comparingInt(s -> s.rule));
      for (RuleState s : touched) {
        Arrays.sort(s.hits, 0, s.hitCount); // keyword passes report hits out of start order
        long t0 = costs == null ? 0 : System.nanoTime();
        long tried = rules.get(s.rule).anchored() ? tryAnchored(s) : searchWindows(s);
        if (costs != null) {
          costs.add(rules.get(s.rule), s.hitCount, tried, System.nanoTime() - t0);
        }
      }
      found.sort(Comparator.comparingInt((Found f) -> f.match().start()).thenComparingInt(Found::rule));
      List<Match> matches = new ArrayList<>(found.size());
      for (Found f : found) matches.add(f.match());
      return matches;
    }

    /**
     * Anchored rules: a match must start in [hit start - window_before, hit start]. Hits are taken in start order,
     * so that each start position is tried once per text. Returns the number of start positions tried.
     */
    private long tryAnchored(RuleState s) {
      if (probes[s.rule] == null) {
        return tryAnchoredOneByOne(s, false);
      }
      if (rules.get(s.rule).windowBefore() == 0 && !lineStartsOnly[s.rule]) {
        // one start position per hit: a lookingAt of the pattern costs less than a find of the probe (no
        // look-ahead wrapper, no scan set-up); its region runs to the end of the text, as the probe's look-ahead
        // reads, so both find the same matches
        return tryAnchoredOneByOne(s, true);
      }
      Rule rule = rules.get(s.rule);
      Matcher m = probe(s);
      long tried = 0;
      int next = 0; // first start position not yet tried
      for (int h = 0; h < s.hitCount; h++) {
        int start = (int) (s.hits[h] >>> 32);
        if (!passesGate(s, rule, (int) s.hits[h])) {
          continue;
        }
        int p = Math.max(next, Math.max(0, start - rule.windowBefore()));
        // the region holds the allowed start positions only: find tries each of them, up to and including start
        while (p <= start) {
          int to = start;
          if (lineStartsOnly[s.rule]) {
            p = lineStartFrom(p, start);
            if (p > start) {
              break;
            }
            to = p;
          }
          m.region(p, to);
          if (!m.find()) {
            tried += to - p + 1;
            p = to + 1;
            continue;
          }
          tried += m.start() - p + 1;
          int end = m.start(MATCH_END);
          record(s.rule, m, text.substring(m.start(), end));
          p = Math.max(m.start() + 1, end);
        }
        next = Math.max(next, p);
      }
      return tried;
    }

    /**
     * The first position from {@code p} to {@code limit} where a multi-line caret may match (the start of the text
     * or after a line terminator; the pattern itself rules out the rest, such as between CR and LF), or
     * {@code limit + 1}.
     */
    private int lineStartFrom(int p, int limit) {
      for (int i = p; i <= limit; i++) {
        if (i == 0) {
          return i;
        }
        char c = text.charAt(i - 1);
        if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
          return i;
        }
      }
      return limit + 1;
    }

    /**
     * {@code lookingAt} at each start position: for anchored rules whose pattern cannot be wrapped (comments mode),
     * whose matches end within {@code window} of the hit, and for those with one start position per hit, whose
     * matches may run to the end of the text ({@code toTextEnd}), as the probe's would.
     */
    private long tryAnchoredOneByOne(RuleState s, boolean toTextEnd) {
      Rule rule = rules.get(s.rule);
      Matcher m = matcher(s);
      long tried = 0;
      int next = 0;
      for (int h = 0; h < s.hitCount; h++) {
        int start = (int) (s.hits[h] >>> 32);
        int end = (int) s.hits[h];
        if (!passesGate(s, rule, end)) {
          continue;
        }
        int to = toTextEnd ? text.length() : (int) Math.min(text.length(), (long) end + rule.window());
        int p = Math.max(next, Math.max(0, start - rule.windowBefore()));
        while (p <= start) {
          tried++;
          m.region(p, to);
          if (m.lookingAt()) {
            record(s.rule, m, m.group());
            p = Math.max(p + 1, m.end());
          } else {
            p++;
          }
        }
        next = Math.max(next, p);
      }
      return tried;
    }

    /**
     * The rule's {@code after_keyword} check at the end of a keyword hit: one {@code lookingAt} that spares the
     * {@code window_before} start positions of a hit that cannot end a label (prose: "the key to").
     */
    private boolean passesGate(RuleState s, Rule rule, int hitEnd) {
      if (rule.afterKeyword() == null) {
        return true;
      }
      if (s.gate == null) {
        s.gate = rule.afterKeyword().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
      }
      s.gate.region(hitEnd, (int) Math.min(text.length(), (long) hitEnd + rule.window()));
      return s.gate.lookingAt();
    }

    /** Unanchored rules: searches the merged windows around the hits. Returns the characters searched. */
    private long searchWindows(RuleState s) {
      Rule rule = rules.get(s.rule);
      long searched = 0;
      int h = 0;
      while (h < s.hitCount) {
        int from = Math.max(0, (int) (s.hits[h] >>> 32) - Rule.DEFAULT_WINDOW_BEFORE);
        int to = windowEnd(rule, s.hits[h]);
        for (h++; h < s.hitCount && Math.max(0, (int) (s.hits[h] >>> 32) - Rule.DEFAULT_WINDOW_BEFORE) <= to; h++) {
          to = Math.max(to, windowEnd(rule, s.hits[h]));
        }
        searched += to - from;
        Matcher m = matcher(s);
        m.region(from, to);
        while (m.find()) {
          record(s.rule, m, m.group());
          if (m.end() == m.start()) {
            if (m.end() >= to) {
              break;
            }
            m.region(m.end() + 1, to);
          }
        }
      }
      return searched;
    }

    private int windowEnd(Rule rule, long hit) {
      return (int) Math.min(text.length(), (long) (int) hit + rule.window());
    }

    // Matchers live for one find only. Kept per thread and reset to each text they got slower the longer a scan ran
    // (13 -> 19 ms per 4 MB after 400 rounds): the JDK's Matcher keeps the position sets of its loops, which grow
    // to the largest backtracking it ever saw and are cleared, whole, on every reset and search.
    private Matcher probe(RuleState s) {
      if (s.probe == null) {
        s.probe = probes[s.rule].matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
      }
      return s.probe;
    }

    private Matcher matcher(RuleState s) {
      if (s.matcher == null) {
        s.matcher = rules.get(s.rule).pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
      }
      return s.matcher;
    }

    /** @param whole the whole match, for allowlist {@code matches} */
    private void record(int r, Matcher m, String whole) {
      String group = Rule.SECRET_GROUP;
      int s = m.start(group);
      // rules imported from peers name alternates secret2, secret3…: the first that matched holds the secret
      for (int n = 2; s < 0 && rules.get(r).pattern().pattern().contains("(?<" + Rule.SECRET_GROUP + n + ">"); n++) {
        group = Rule.SECRET_GROUP + n;
        s = m.start(group);
      }
      if (s < 0) {
        return;
      }
      int e = m.end(group);
      if (e <= s) {
        return;
      }
      if (seen == null) {
        seen = new HashSet<>();
      }
      if (seen.add(new Span(r, s, e))) { // a span is judged once per rule
        Rule rule = rules.get(r);
        String secret = normalize(text.substring(s, e));
        if (reportable(rule, secret, s, e, whole)) {
          String account = rule.hasAccountGroup() && m.group(Rule.ACCOUNT_GROUP) != null ? m.group(Rule.ACCOUNT_GROUP) : "";
          found.add(new Found(r, new Match(rule, s, e, secret, account)));
        }
      }
    }

    /** The rule's own judgement beyond its pattern: entropy, allowlist, validator and companion, cheapest first. */
    private boolean reportable(Rule rule, String secret, int start, int end, String whole) {
      if (rule.minEntropy() > 0 && Entropy.bitsPerChar(secret) < rule.minEntropy()) {
        return false;
      }
      if (!rule.allowlist().isEmpty()) {
        int lineStart = text.lastIndexOf('\n', start) + 1;
        int lineEnd = text.indexOf('\n', start);
        if (rule.allowlist().allows(secret, whole, text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd))) {
          return false;
        }
      }
      if (rule.validator() != null && !rule.validator().accepts(secret)) {
        return false;
      }
      return rule.companion() == null || rule.companion().presentNear(text, start, end);
    }
  }

  /**
   * The secret as its owner wrote it ({@link KeyBlockText}): a multi-line secret loses the quoting and indentation a
   * reply adds to each line and the prefix a log adds, CRLF becomes LF, and a key block escaped in a string or split
   * over code literals is read as its lines, so that the same key quoted, forwarded, pasted as code or printed into
   * a log has one fingerprint.
   */
  static String normalize(String text) {
    if (text.startsWith("-----BEGIN ")) {
      return KeyBlockText.asLines(text);
    }
    return text.indexOf('\n') < 0 ? text : KeyBlockText.lines(text);
  }
}
