package dev.mailleaks.match;

import dev.mailleaks.rules.Rule;
import dev.mailleaks.rules.RuleSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds rule matches in text: one keyword pass over the whole text, then each rule's regex only in windows
 * around its keyword hits. Thread-safe: it holds no per-call state.
 */
public final class SecretMatcher {
  /** How far before a keyword hit a window starts, so that a keyword after a short prefix still leads to it. */
  static final int LOOK_BEHIND = 256;

  private final List<Rule> rules;
  private final KeywordIndex keywords;
  private final int[][] rulesOfKeyword;
  private final Map<String, Integer> ruleIndex = new java.util.HashMap<>();

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
  public List<Match> find(CharSequence text) {
    Window[] open = new Window[rules.size()];
    List<Window> windows = new ArrayList<>();
    int length = text.length();
    keywords.search(text, (keyword, start, end) -> {
      for (int r : rulesOfKeyword[keyword]) {
        int from = Math.max(0, start - LOOK_BEHIND);
        int to = (int) Math.min(length, (long) end + rules.get(r).window());
        Window current = open[r];
        if (current != null && from <= current.to) {
          current.to = Math.max(current.to, to);
        } else {
          current = new Window(r, from, to);
          open[r] = current;
          windows.add(current);
        }
      }
    });
    if (windows.isEmpty()) {
      return List.of();
    }
    List<Match> matches = new ArrayList<>();
    Set<Span> seen = new HashSet<>();
    for (Window window : windows) {
      Rule rule = rules.get(window.rule);
      java.util.regex.Matcher m = rule.pattern().matcher(text);
      m.useTransparentBounds(true).useAnchoringBounds(false).region(window.from, window.to);
      while (m.find()) {
        int s = m.start(Rule.SECRET_GROUP);
        if (s < 0) {
          continue;
        }
        int e = m.end(Rule.SECRET_GROUP);
        if (e > s && seen.add(new Span(window.rule, s, e))) {
          matches.add(new Match(rule, s, e, normalize(text.subSequence(s, e))));
        }
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

  private record Span(int rule, int start, int end) {}

  /**
   * The secret as its owner wrote it: a multi-line secret (a key block) loses the quoting and indentation a
   * reply adds to each line, and CRLF becomes LF, so that the same key quoted or forwarded has one fingerprint.
   */
  static String normalize(CharSequence secret) {
    String text = secret.toString();
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
}
