package dev.mailleaks.match;

import dev.mailleaks.rules.Rule;
import dev.mailleaks.rules.RuleSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Finds rule matches in text: one keyword pass over the whole text, then each rule's regex only near its
 * keyword hits. An anchored rule (one with {@code window_before}) is tried only at the few start positions just
 * before each hit; an unanchored one is searched in the merged windows around its hits. Thread-safe: it holds
 * no per-call state.
 */
public final class SecretMatcher {
  private final List<Rule> rules;
  private final KeywordIndex keywords;
  private final int[][] rulesOfKeyword;
  private final Map<String, Integer> ruleIndex = new HashMap<>();

  public SecretMatcher(RuleSet ruleSet) {
    this.rules = ruleSet.rules();
    Map<String, List<Integer>> byKeyword = new LinkedHashMap<>();
    for (int r = 0; r < rules.size(); r++) {
      ruleIndex.put(rules.get(r).id(), r);
      for (String keyword : rules.get(r).keywords()) {
        List<Integer> owners = byKeyword.computeIfAbsent(keyword.toLowerCase(Locale.ROOT), k -> new ArrayList<>());
        if (!owners.contains(r)) {
          owners.add(r);
        }
      }
    }
    this.keywords = new KeywordIndex(List.copyOf(byKeyword.keySet()));
    this.rulesOfKeyword = byKeyword.values().stream()
        .map(owners -> owners.stream().mapToInt(Integer::intValue).toArray())
        .toArray(int[][]::new);
  }

  public List<Rule> rules() {
    return rules;
  }

  /** All matches in {@code text}, ordered by position then rule order; a span is reported once per rule. */
  public List<Match> find(String text) {
    Search search = new Search(text);
    keywords.search(text, search::hit);
    return search.finish();
  }

  /** The state of one {@link #find}: regex matchers, windows, and matches found so far. */
  private final class Search {
    private final String text;
    private final Matcher[] matchers = new Matcher[rules.size()];
    private final long[][] anchoredHits = new long[rules.size()][]; // per anchored rule: (start << 32 | end)
    private final int[] anchoredCount = new int[rules.size()];
    private final Window[] open = new Window[rules.size()];
    private final List<Window> windows = new ArrayList<>();
    private final List<Match> matches = new ArrayList<>();
    private final Set<Span> seen = new HashSet<>();

    Search(String text) {
      this.text = text;
    }

    void hit(int keyword, int start, int end) {
      for (int r : rulesOfKeyword[keyword]) {
        Rule rule = rules.get(r);
        if (rule.anchored()) {
          long[] hits = anchoredHits[r];
          if (hits == null || anchoredCount[r] == hits.length) {
            anchoredHits[r] = hits = java.util.Arrays.copyOf(hits == null ? new long[0] : hits, Math.max(8, anchoredCount[r] * 2));
          }
          hits[anchoredCount[r]++] = (long) start << 32 | end;
        } else {
          int to = (int) Math.min(text.length(), (long) end + rule.window());
          int from = Math.max(0, start - Rule.DEFAULT_WINDOW_BEFORE);
          Window current = open[r];
          if (current != null && from <= current.to) {
            current.to = Math.max(current.to, to);
          } else {
            current = new Window(r, from, to);
            open[r] = current;
            windows.add(current);
          }
        }
      }
    }

    /**
     * Anchored rules: a match must start in [hit start - window_before, hit start]. Hits are taken in start order
     * (keyword passes report them by end), so that each start position is tried once per text.
     */
    private void tryAnchored(int r) {
      Rule rule = rules.get(r);
      long[] hits = anchoredHits[r];
      java.util.Arrays.sort(hits, 0, anchoredCount[r]);
      Matcher m = matcher(r);
      int next = 0; // first start position not yet tried
      for (int h = 0; h < anchoredCount[r]; h++) {
        int start = (int) (hits[h] >>> 32);
        int end = (int) hits[h];
        int to = (int) Math.min(text.length(), (long) end + rule.window());
        int p = Math.max(next, Math.max(0, start - rule.windowBefore()));
        while (p <= start) {
          m.region(p, to);
          if (m.lookingAt()) {
            record(r, m);
            p = Math.max(p + 1, m.end());
          } else {
            p++;
          }
        }
        next = Math.max(next, p);
      }
    }

    /** The rule's own judgement beyond its pattern: entropy and allowlist. */
    private boolean reportable(Rule rule, String secret, int start, Matcher m) {
      if (rule.minEntropy() > 0 && Entropy.bitsPerChar(secret) < rule.minEntropy()) {
        return false;
      }
      if (rule.allowlist().isEmpty()) {
        return true;
      }
      int lineStart = text.lastIndexOf('\n', start) + 1;
      int lineEnd = text.indexOf('\n', start);
      return !rule.allowlist().allows(secret, m.group(), text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd));
    }

    List<Match> finish() {
      for (int r = 0; r < rules.size(); r++) {
        if (anchoredCount[r] > 0) {
          tryAnchored(r);
        }
      }
      for (Window window : windows) {
        Matcher m = matcher(window.rule);
        m.region(window.from, window.to);
        while (m.find()) {
          record(window.rule, m);
          if (m.end() == m.start()) {
            if (m.end() >= window.to) {
              break;
            }
            m.region(m.end() + 1, window.to);
          }
        }
      }
      matches.sort(Comparator.comparingInt(Match::start).thenComparingInt(mt -> ruleIndex.get(mt.rule().id())));
      return matches;
    }

    private Matcher matcher(int r) {
      Matcher m = matchers[r];
      if (m == null) {
        m = rules.get(r).pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        matchers[r] = m;
      }
      return m;
    }

    private void record(int r, Matcher m) {
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
      if (e > s && seen.add(new Span(r, s, e))) {
        Rule rule = rules.get(r);
        String secret = normalize(text.substring(s, e));
        if (reportable(rule, secret, s, m)) {
          String account = rule.hasAccountGroup() && m.group(Rule.ACCOUNT_GROUP) != null ? m.group(Rule.ACCOUNT_GROUP) : "";
          matches.add(new Match(rule, s, e, secret, account));
        }
      }
    }
  }

  private static final class Window {
    final int rule;
    final int from;
    int to;

    Window(int rule, int from, int to) {
      this.rule = rule;
      this.from = from;
      this.to = to;
    }
  }

  private record Span(int rule, int start, int end) {}

  /**
   * The secret as its owner wrote it: a multi-line secret (a key block) loses the quoting and indentation a
   * reply adds to each line, and CRLF becomes LF, so that the same key quoted or forwarded has one fingerprint.
   */
  static String normalize(String text) {
    if (text.indexOf('\n') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (String line : text.split("\r?\n", -1)) {
      int start = 0;
      while (start < line.length() && (line.charAt(start) == '>' || line.charAt(start) == ' ' || line.charAt(start) == '\t')) {
        start++;
      }
      if (out.length() > 0) out.append('\n');
      out.append(line.substring(start).stripTrailing());
    }
    return out.toString();
  }
}
