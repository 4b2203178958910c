package dev.mailleaks.match;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * All rule keywords in one Aho-Corasick automaton, searched case-insensitively in one pass.
 *
 * <p>Hand-written rather than a library: the automaton is a dense transition table over the keywords'
 * own alphabet (other characters map to symbol 0, which leads back to the root), so the search loop is two
 * array reads per character with no allocation, which is what lets hundreds of rules cost about as much as one.
 */
public final class KeywordIndex {
  /** Receives each keyword occurrence; {@code end} is exclusive. */
  public interface HitConsumer {
    void hit(int keyword, int start, int end);
  }

  private final int[] symbolOf = new int[Character.MAX_VALUE + 1];
  private final int alphabetSize;
  private final int[] transitions; // state * alphabetSize + symbol -> state
  private final int[][] outputs; // state -> keyword ids ending here
  private final int[] keywordLengths;

  public KeywordIndex(List<String> keywords) {
    keywordLengths = new int[keywords.size()];
    int nextSymbol = 1;
    for (String keyword : keywords) {
      for (char c : keyword.toLowerCase(Locale.ROOT).toCharArray()) {
        if (symbolOf[c] == 0) {
          symbolOf[c] = nextSymbol;
          char upper = Character.toUpperCase(c);
          if (symbolOf[upper] == 0) {
            symbolOf[upper] = nextSymbol;
          }
          nextSymbol++;
        }
      }
    }
    alphabetSize = nextSymbol;

    // Build the trie, growing the table as states are added.
    int[] table = new int[alphabetSize * 64];
    List<int[]> out = new ArrayList<>();
    out.add(new int[0]);
    int states = 1;
    for (int k = 0; k < keywords.size(); k++) {
      String keyword = keywords.get(k).toLowerCase(Locale.ROOT);
      keywordLengths[k] = keyword.length();
      int state = 0;
      for (char c : keyword.toCharArray()) {
        int slot = state * alphabetSize + symbolOf[c];
        if (table[slot] == 0) {
          if ((states + 1) * alphabetSize > table.length) {
            table = Arrays.copyOf(table, table.length * 2);
          }
          table[slot] = states++;
          out.add(new int[0]);
        }
        state = table[slot];
      }
      out.set(state, append(out.get(state), k));
    }

    // Breadth-first: fill failure transitions so the table becomes a complete DFA.
    int[] fail = new int[states];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int s = 1; s < alphabetSize; s++) {
      int child = table[s];
      if (child != 0) {
        queue.add(child);
      }
    }
    while (!queue.isEmpty()) {
      int state = queue.poll();
      out.set(state, concat(out.get(state), out.get(fail[state])));
      for (int s = 1; s < alphabetSize; s++) {
        int slot = state * alphabetSize + s;
        int child = table[slot];
        int viaFail = table[fail[state] * alphabetSize + s];
        if (child != 0) {
          fail[child] = viaFail;
          queue.add(child);
        } else {
          table[slot] = viaFail;
        }
      }
    }
    transitions = Arrays.copyOf(table, states * alphabetSize);
    outputs = out.toArray(new int[0][]);
  }

  public int keywordCount() {
    return keywordLengths.length;
  }

  /** Reports every keyword occurrence in {@code text}, in order of end position. */
  public void search(CharSequence text, HitConsumer consumer) {
    final int[] table = transitions;
    final int[] symbols = symbolOf;
    final int width = alphabetSize;
    int state = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      state = table[state * width + symbols[text.charAt(i)]];
      int[] found = outputs[state];
      if (found.length != 0) {
        for (int keyword : found) {
          consumer.hit(keyword, i + 1 - keywordLengths[keyword], i + 1);
        }
      }
    }
  }

  private static int[] append(int[] values, int value) {
    int[] copy = Arrays.copyOf(values, values.length + 1);
    copy[values.length] = value;
    return copy;
  }

  private static int[] concat(int[] a, int[] b) {
    if (b.length == 0) {
      return a;
    }
    int[] copy = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, copy, a.length, b.length);
    return copy;
  }
}
