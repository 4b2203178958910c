package dev.mailleaks.rules.peer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Keywords for a rule whose peer gives none (Nosey Parker never does): literals that every match of the pattern must
 * contain. It reads the translated Java pattern: a run of literal characters that no quantifier makes optional is
 * required; a group required as a whole adds what its branches require, one literal from each. The first required
 * literal of at least {@value #GOOD_LENGTH} characters wins (a keyword near the start of a match keeps the rule's
 * search window short); else the longest of at least {@value #MIN_LENGTH}. None: the rule has no usable keyword.
 */
final class LiteralKeywords {
  static final int MIN_LENGTH = 3;
  static final int GOOD_LENGTH = 4;
  private static final int MAX_ALTERNATIVES = 32;

  private final String pattern;
  private int pos;

  private LiteralKeywords(String pattern) {
    this.pattern = pattern;
  }

  /** Lowercase keywords of at least {@value #MIN_LENGTH} characters every match contains one of, or an empty list. */
  static List<String> derive(String javaPattern) {
    return derive(javaPattern, MIN_LENGTH);
  }

  /** Lowercase keywords of at least {@code minLength} characters every match contains one of, or an empty list. */
  static List<String> derive(String javaPattern, int minLength) {
    try {
      Set<String> required = new LiteralKeywords(javaPattern).alternation();
      if (required == null || required.isEmpty()) {
        return List.of();
      }
      Set<String> lower = new LinkedHashSet<>();
      required.forEach(k -> lower.add(k.toLowerCase(Locale.ROOT)));
      return shortest(lower) >= minLength ? List.copyOf(lower) : List.of();
    } catch (RuntimeException e) {
      return List.of(); // a construct this reader does not follow: no keyword rather than a wrong one
    }
  }

  /** Branches until the closing parenthesis of the current group: each must require something. */
  private Set<String> alternation() {
    Set<String> union = new LinkedHashSet<>();
    boolean complete = true;
    while (true) {
      Set<String> branch = sequence();
      if (branch == null) {
        complete = false;
      } else {
        union.addAll(branch);
      }
      if (pos < pattern.length() && pattern.charAt(pos) == '|') {
        pos++;
        continue;
      }
      break;
    }
    return complete && union.size() <= MAX_ALTERNATIVES ? union : null;
  }

  private Set<String> sequence() {
    List<Set<String>> candidates = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    while (pos < pattern.length() && pattern.charAt(pos) != '|' && pattern.charAt(pos) != ')') {
      Atom atom = atom();
      int min = quantifierMin();
      if (atom.literal != null && min == 1 && !atom.zeroWidth) {
        run.append(atom.literal);
        continue;
      }
      if (atom.zeroWidth) {
        continue;
      }
      if (atom.literal != null && min >= 1) {
        run.append(atom.literal);
      }
      flush(run, candidates);
      if (atom.required != null && min >= 1) {
        candidates.add(atom.required);
      }
    }
    flush(run, candidates);
    Set<String> best = null;
    for (Set<String> candidate : candidates) {
      if (shortest(candidate) >= GOOD_LENGTH) {
        return candidate;
      }
      if (best == null || shortest(candidate) > shortest(best)) {
        best = candidate;
      }
    }
    return best;
  }

  private static void flush(StringBuilder run, List<Set<String>> candidates) {
    if (run.length() > 0) {
      candidates.add(Set.of(run.toString()));
      run.setLength(0);
    }
  }

  private static int shortest(Set<String> set) {
    return set.stream().mapToInt(String::length).min().orElse(0);
  }

  /** What one atom contributes: a literal, the literals a group requires, or nothing. */
  private record Atom(String literal, Set<String> required, boolean zeroWidth) {
    static final Atom NOTHING = new Atom(null, null, false);
    static final Atom ZERO_WIDTH = new Atom(null, null, true);
  }

  private Atom atom() {
    char c = pattern.charAt(pos);
    switch (c) {
      case '(' -> {
        return group();
      }
      case '[' -> {
        skipClass();
        return Atom.NOTHING;
      }
      case '\\' -> {
        return escape();
      }
      case '^', '$' -> {
        pos++;
        return Atom.ZERO_WIDTH;
      }
      case '.' -> {
        pos++;
        return Atom.NOTHING;
      }
      default -> {
        pos++;
        return Character.isWhitespace(c) ? Atom.NOTHING : new Atom(String.valueOf(c), null, false);
      }
    }
  }

  private Atom group() {
    pos++;
    boolean lookaround = false;
    if (pattern.startsWith("?", pos)) {
      if (pattern.startsWith("?=", pos) || pattern.startsWith("?!", pos) || pattern.startsWith("?<=", pos)
          || pattern.startsWith("?<!", pos)) {
        lookaround = true;
      } else if (pattern.startsWith("?<", pos)) {
        pos = pattern.indexOf('>', pos) + 1;
      } else {
        int end = pos + 1;
        while (pattern.charAt(end) != ')' && pattern.charAt(end) != ':') {
          end++;
        }
        pos = end + 1;
        if (pattern.charAt(end) == ')') {
          return Atom.ZERO_WIDTH; // (?i): flags only
        }
      }
    }
    Set<String> inner = alternation();
    pos++; // ')'
    if (lookaround) {
      return Atom.ZERO_WIDTH;
    }
    return new Atom(null, inner, false);
  }

  private Atom escape() {
    char e = pattern.charAt(pos + 1);
    if (e == 'Q') {
      int end = pattern.indexOf("\\E", pos);
      String literal = pattern.substring(pos + 2, end < 0 ? pattern.length() : end);
      pos = end < 0 ? pattern.length() : end + 2;
      return new Atom(literal, null, false);
    }
    if (e == 'x') {
      int end;
      int code;
      if (pattern.charAt(pos + 2) == '{') {
        end = pattern.indexOf('}', pos) + 1;
        code = Integer.parseInt(pattern.substring(pos + 3, end - 1), 16);
      } else {
        end = pos + 4;
        code = Integer.parseInt(pattern.substring(pos + 2, end), 16);
      }
      pos = end;
      return code > 0x20 && code < 0x7f ? new Atom(String.valueOf((char) code), null, false) : Atom.NOTHING;
    }
    if (e == 'p' || e == 'P') {
      pos += pattern.charAt(pos + 2) == '{' ? pattern.indexOf('}', pos) + 1 - pos : 3;
      return Atom.NOTHING;
    }
    pos += 2;
    if ("bBAzZG".indexOf(e) >= 0) {
      return Atom.ZERO_WIDTH;
    }
    return Character.isLetterOrDigit(e) ? Atom.NOTHING : new Atom(String.valueOf(e), null, false);
  }

  private void skipClass() {
    pos++;
    if (pattern.startsWith("^", pos)) {
      pos++;
    }
    if (pattern.startsWith("]", pos)) {
      pos++;
    }
    while (pattern.charAt(pos) != ']') {
      if (pattern.charAt(pos) == '\\') {
        pos += pattern.startsWith("\\Q", pos) ? pattern.indexOf("\\E", pos) + 2 - pos : 2;
      } else if (pattern.charAt(pos) == '[') {
        skipClass();
      } else {
        pos++;
      }
    }
    pos++;
  }

  /** The least repetition the quantifier at {@code pos} allows (1 when there is none); consumes it. */
  private int quantifierMin() {
    if (pos >= pattern.length()) {
      return 1;
    }
    char q = pattern.charAt(pos);
    int min;
    if (q == '*' || q == '?') {
      min = 0;
      pos++;
    } else if (q == '+') {
      min = 2; // at least one: required, but the run ends here
      pos++;
    } else if (q == '{' && pos + 1 < pattern.length() && Character.isDigit(pattern.charAt(pos + 1))) {
      int end = pattern.indexOf('}', pos);
      String[] bounds = pattern.substring(pos + 1, end).split(",", -1);
      min = Integer.parseInt(bounds[0]);
      boolean exactlyOne = min == 1 && (bounds.length == 1 || bounds[1].equals("1"));
      min = min == 0 ? 0 : exactlyOne ? 1 : 2;
      pos = end + 1;
    } else {
      return 1;
    }
    if (pos < pattern.length() && (pattern.charAt(pos) == '?' || pattern.charAt(pos) == '+')) {
      pos++;
    }
    return min;
  }
}
