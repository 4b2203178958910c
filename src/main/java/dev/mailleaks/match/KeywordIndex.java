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

  private int[] symbolOf = new int[Character.MAX_VALUE + 1];
  private final int alphabetSize;
  private final int[] transitions; // stateOffset + symbol -> next stateOffset (a state's offset is state * alphabetSize)
  private final int[][] outputs; // state -> keyword ids ending here
  /** Set in a transition whose target state has outputs, so the loop tests one bit, not an array. */
  private static final int HIT = 1 << 30;
  private static final int OFFSET = HIT - 1;
  private final int[] keywordLengths;
  private final int maxKeywordLength;

  public KeywordIndex(List<String> keywords) {
    this(keywords, true);
  }

  /** @param compact renumber states and symbols for locality (always, but for the test that it changes no hit) */
  KeywordIndex(List<String> keywords, boolean compact) {
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
    maxKeywordLength = keywords.stream().mapToInt(String::length).max().orElse(1);

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
    int[][] outs = out.toArray(new int[0][]);
    int[] dense = Arrays.copyOf(table, states * alphabetSize);
    if (compact) {
      // Renumber so that what a walk over text touches most sits together in memory: symbols by how often text
      // holds them (a row's hot columns share a cache line or two), states breadth-first from the root (the
      // shallow states, where prose keeps the walk, share a few pages instead of being spread over the table).
      int[] symbolRank = symbolRanks();
      int[] stateOrder = new int[states]; // new state -> old state
      int[] newState = new int[states];
      Arrays.fill(newState, -1);
      newState[0] = 0;
      int count = 1;
      for (int head = 0; head < count; head++) {
        int old = stateOrder[head];
        for (int s = 0; s < alphabetSize; s++) {
          int target = dense[old * alphabetSize + s];
          if (newState[target] < 0) {
            newState[target] = count;
            stateOrder[count++] = target;
          }
        }
      }
      int[] remapped = new int[states * alphabetSize];
      int[][] remappedOuts = new int[states][];
      for (int n = 0; n < states; n++) {
        int old = stateOrder[n];
        remappedOuts[n] = outs[old];
        for (int s = 0; s < alphabetSize; s++) {
          remapped[n * alphabetSize + symbolRank[s]] = newState[dense[old * alphabetSize + s]];
        }
      }
      int[] symbols = new int[symbolOf.length];
      for (int c = 0; c < symbols.length; c++) {
        symbols[c] = symbolRank[symbolOf[c]];
      }
      symbolOf = symbols;
      dense = remapped;
      outs = remappedOuts;
    }
    outputs = outs;
    transitions = dense;
    if ((long) transitions.length >= HIT) {
      throw new IllegalArgumentException("too many keywords for one index");
    }
    for (int i = 0; i < transitions.length; i++) {
      int target = transitions[i];
      // Offsets instead of state numbers, so the search loop needs no multiplication.
      transitions[i] = target * alphabetSize | (outputs[target].length > 0 ? HIT : 0);
    }
  }

  /** Old symbol -> new symbol: 0 stays 0, then the symbols of characters common in mail text first. */
  private int[] symbolRanks() {
    int[] rank = new int[alphabetSize];
    Arrays.fill(rank, -1);
    rank[0] = 0;
    int next = 1;
    for (char c : FREQUENT.toCharArray()) {
      int s = symbolOf[c];
      if (s != 0 && rank[s] < 0) {
        rank[s] = next++;
      }
    }
    for (int s = 1; s < alphabetSize; s++) {
      if (rank[s] < 0) {
        rank[s] = next++;
      }
    }
    return rank;
  }

  /** Characters of mail text, most frequent first (English letters, then digits and URL/code punctuation). */
  private static final String FREQUENT = " etaoinsrhldcumfpgwybvkxjqz0123456789.,-_/:=@'\"\n\t>;()<?!&%+#*[]{}|~$^`\\";

  public int keywordCount() {
    return keywordLengths.length;
  }

  /**
   * Reports every keyword occurrence in {@code text}, each once, in no particular order.
   *
   * <p>A long text is scanned as two halves in one loop: each step of a DFA waits for the previous one's table
   * read, so two independent walks run nearly twice as fast as one. The first half runs on past the middle by
   * the longest keyword's length, and reports only keywords that start before the middle. Hits are collected
   * per chunk and reported after its loop, which keeps the walk's loop free of the consumer's code (10% faster
   * with few keywords, 3% with all bundled rules, measured in one JVM).
   */
  public void search(String text, HitConsumer consumer) {
    int n = text.length();
    if (n < INTERLEAVE_MIN) {
      scan(text, 0, n, 0, Integer.MAX_VALUE, consumer);
      return;
    }
    final int[] table = transitions;
    final int[] symbols = symbolOf;
    int mid = n / 2;
    int firstEnd = Math.min(n, mid + maxKeywordLength - 1);
    int lockstep = Math.min(firstEnd, n - mid);
    char[] a = new char[Math.min(CHUNK, lockstep)];
    char[] b = new char[a.length];
    Hits hitsA = new Hits();
    Hits hitsB = new Hits();
    int offsetA = 0;
    int offsetB = 0;
    for (int base = 0; base < lockstep; base += CHUNK) {
      int m = Math.min(CHUNK, lockstep - base);
      text.getChars(base, base + m, a, 0);
      text.getChars(mid + base, mid + base + m, b, 0);
      for (int i = 0; i < m; i++) {
        int nextA = table[offsetA + symbols[a[i]]];
        int nextB = table[offsetB + symbols[b[i]]];
        offsetA = nextA & OFFSET;
        offsetB = nextB & OFFSET;
        if ((nextA | nextB) >= HIT) {
          if (nextA >= HIT) hitsA.add(offsetA, base + i + 1);
          if (nextB >= HIT) hitsB.add(offsetB, mid + base + i + 1);
        }
      }
      report(hitsA, mid, consumer);
      report(hitsB, Integer.MAX_VALUE, consumer);
    }
    scan(text, lockstep, firstEnd, offsetA, mid, consumer);
    scan(text, mid + lockstep, n, offsetB, Integer.MAX_VALUE, consumer);
  }

  /** Walks text[from, to) from a state offset, reporting hits that start before {@code startLimit}. */
  private void scan(String text, int from, int to, int offset, int startLimit, HitConsumer consumer) {
    final int[] table = transitions;
    final int[] symbols = symbolOf;
    char[] chunk = new char[Math.max(0, Math.min(to - from, CHUNK))];
    Hits hits = new Hits();
    for (int base = from; base < to; base += CHUNK) {
      int m = Math.min(CHUNK, to - base);
      text.getChars(base, base + m, chunk, 0);
      for (int i = 0; i < m; i++) {
        int next = table[offset + symbols[chunk[i]]];
        offset = next & OFFSET;
        if (next >= HIT) {
          hits.add(offset, base + i + 1);
        }
      }
      report(hits, startLimit, consumer);
    }
  }

  /** The hits of one chunk, (state offset, end) pairs, reported after the chunk's walk. */
  private static final class Hits {
    int[] pairs = new int[64];
    int size;

    void add(int offset, int end) {
      if (size == pairs.length) {
        pairs = Arrays.copyOf(pairs, size * 2);
      }
      pairs[size++] = offset;
      pairs[size++] = end;
    }
  }

  /** Reports the chunk's hits and empties it. */
  private void report(Hits hits, int startLimit, HitConsumer consumer) {
    for (int h = 0; h < hits.size; h += 2) {
      report(hits.pairs[h], hits.pairs[h + 1], startLimit, consumer);
    }
    hits.size = 0;
  }

  private void report(int offset, int end, int startLimit, HitConsumer consumer) {
    for (int keyword : outputs[offset / alphabetSize]) {
      int start = end - keywordLengths[keyword];
      if (start < startLimit) {
        consumer.hit(keyword, start, end);
      }
    }
  }

  private static final int CHUNK = 8192;
  /** Below this length the two-walk set-up costs more than it saves. */
  private static final int INTERLEAVE_MIN = 512;

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
