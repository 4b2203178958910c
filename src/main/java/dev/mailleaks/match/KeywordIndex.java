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
   * <p>Each step of a DFA waits for the previous one's table read, and with the full rule library the table
   * (5 MB) misses the cache often; so a long text is walked as eight slices in one loop, eight independent reads in
   * flight (keyword pass over the 4 MB benchmark text, one JVM: all rules 8.2 -> 5.1 ms, 25 rules 5.6 -> 4.0 ms
   * against two slices). A shorter text is walked as two halves, a short one in one pass. Each slice runs on
   * past its end by the longest keyword's length and reports only keywords that start inside it. Hits are
   * collected per chunk and reported after its loop, which keeps the consumer's code out of the walk.
   */
  public void search(String text, HitConsumer consumer) {
    int n = text.length();
    if (n >= LANES * LANE_MIN) {
      searchInEightSlices(text, consumer);
    } else if (n >= LANE_MIN) {
      searchInHalves(text, consumer);
    } else {
      scan(text, 0, n, 0, Integer.MAX_VALUE, consumer);
    }
  }

  private static final int LANES = 8;
  /** Below this many characters per slice, setting up a slice costs more than the overlap saves. */
  private static final int LANE_MIN = 512;

  private void searchInEightSlices(String text, HitConsumer consumer) {
    // written out slice by slice: with arrays of slices the loop ran at half the speed (array reads per step)
    final int[] table = transitions;
    final int[] symbols = symbolOf;
    int n = text.length();
    int q = n / LANES;
    int reach = maxKeywordLength - 1;
    int s0 = 0 * q;
    int s1 = 1 * q;
    int s2 = 2 * q;
    int s3 = 3 * q;
    int s4 = 4 * q;
    int s5 = 5 * q;
    int s6 = 6 * q;
    int s7 = 7 * q;
    int w0 = Math.min(n, s1 + reach) - s0; // slice 0 is [s0, s1), walked on by the longest keyword
    int w1 = Math.min(n, s2 + reach) - s1; // slice 1 is [s1, s2), walked on by the longest keyword
    int w2 = Math.min(n, s3 + reach) - s2; // slice 2 is [s2, s3), walked on by the longest keyword
    int w3 = Math.min(n, s4 + reach) - s3; // slice 3 is [s3, s4), walked on by the longest keyword
    int w4 = Math.min(n, s5 + reach) - s4; // slice 4 is [s4, s5), walked on by the longest keyword
    int w5 = Math.min(n, s6 + reach) - s5; // slice 5 is [s5, s6), walked on by the longest keyword
    int w6 = Math.min(n, s7 + reach) - s6; // slice 6 is [s6, s7), walked on by the longest keyword
    int w7 = n - s7;
    int lockstep = Math.min(Math.min(Math.min(w0, w1), Math.min(w2, w3)), Math.min(Math.min(w4, w5), Math.min(w6, w7)));
    int len = Math.min(CHUNK, lockstep);
    char[] c0 = new char[len];
    char[] c1 = new char[len];
    char[] c2 = new char[len];
    char[] c3 = new char[len];
    char[] c4 = new char[len];
    char[] c5 = new char[len];
    char[] c6 = new char[len];
    char[] c7 = new char[len];
    int[] h0 = new int[64];
    int[] h1 = new int[64];
    int[] h2 = new int[64];
    int[] h3 = new int[64];
    int[] h4 = new int[64];
    int[] h5 = new int[64];
    int[] h6 = new int[64];
    int[] h7 = new int[64];
    int o0 = 0; int o1 = 0; int o2 = 0; int o3 = 0; int o4 = 0; int o5 = 0; int o6 = 0; int o7 = 0;
    for (int base = 0; base < lockstep; base += CHUNK) {
      int m = Math.min(CHUNK, lockstep - base);
      text.getChars(s0 + base, s0 + base + m, c0, 0);
      text.getChars(s1 + base, s1 + base + m, c1, 0);
      text.getChars(s2 + base, s2 + base + m, c2, 0);
      text.getChars(s3 + base, s3 + base + m, c3, 0);
      text.getChars(s4 + base, s4 + base + m, c4, 0);
      text.getChars(s5 + base, s5 + base + m, c5, 0);
      text.getChars(s6 + base, s6 + base + m, c6, 0);
      text.getChars(s7 + base, s7 + base + m, c7, 0);
      int n0 = 0; int n1 = 0; int n2 = 0; int n3 = 0; int n4 = 0; int n5 = 0; int n6 = 0; int n7 = 0;
      for (int i = 0; i < m; i++) {
        int x0 = table[o0 + symbols[c0[i]]];
        int x1 = table[o1 + symbols[c1[i]]];
        int x2 = table[o2 + symbols[c2[i]]];
        int x3 = table[o3 + symbols[c3[i]]];
        int x4 = table[o4 + symbols[c4[i]]];
        int x5 = table[o5 + symbols[c5[i]]];
        int x6 = table[o6 + symbols[c6[i]]];
        int x7 = table[o7 + symbols[c7[i]]];
        o0 = x0 & OFFSET;
        o1 = x1 & OFFSET;
        o2 = x2 & OFFSET;
        o3 = x3 & OFFSET;
        o4 = x4 & OFFSET;
        o5 = x5 & OFFSET;
        o6 = x6 & OFFSET;
        o7 = x7 & OFFSET;
        if ((x0 | x1 | x2 | x3 | x4 | x5 | x6 | x7) >= HIT) {
          if (x0 >= HIT) {
            if (n0 == h0.length) h0 = Arrays.copyOf(h0, n0 * 2);
            h0[n0++] = o0;
            h0[n0++] = s0 + base + i + 1;
          }
          if (x1 >= HIT) {
            if (n1 == h1.length) h1 = Arrays.copyOf(h1, n1 * 2);
            h1[n1++] = o1;
            h1[n1++] = s1 + base + i + 1;
          }
          if (x2 >= HIT) {
            if (n2 == h2.length) h2 = Arrays.copyOf(h2, n2 * 2);
            h2[n2++] = o2;
            h2[n2++] = s2 + base + i + 1;
          }
          if (x3 >= HIT) {
            if (n3 == h3.length) h3 = Arrays.copyOf(h3, n3 * 2);
            h3[n3++] = o3;
            h3[n3++] = s3 + base + i + 1;
          }
          if (x4 >= HIT) {
            if (n4 == h4.length) h4 = Arrays.copyOf(h4, n4 * 2);
            h4[n4++] = o4;
            h4[n4++] = s4 + base + i + 1;
          }
          if (x5 >= HIT) {
            if (n5 == h5.length) h5 = Arrays.copyOf(h5, n5 * 2);
            h5[n5++] = o5;
            h5[n5++] = s5 + base + i + 1;
          }
          if (x6 >= HIT) {
            if (n6 == h6.length) h6 = Arrays.copyOf(h6, n6 * 2);
            h6[n6++] = o6;
            h6[n6++] = s6 + base + i + 1;
          }
          if (x7 >= HIT) {
            if (n7 == h7.length) h7 = Arrays.copyOf(h7, n7 * 2);
            h7[n7++] = o7;
            h7[n7++] = s7 + base + i + 1;
          }
        }
      }
      for (int h = 0; h < n0; h += 2) report(h0[h], h0[h + 1], s1, consumer);
      for (int h = 0; h < n1; h += 2) report(h1[h], h1[h + 1], s2, consumer);
      for (int h = 0; h < n2; h += 2) report(h2[h], h2[h + 1], s3, consumer);
      for (int h = 0; h < n3; h += 2) report(h3[h], h3[h + 1], s4, consumer);
      for (int h = 0; h < n4; h += 2) report(h4[h], h4[h + 1], s5, consumer);
      for (int h = 0; h < n5; h += 2) report(h5[h], h5[h + 1], s6, consumer);
      for (int h = 0; h < n6; h += 2) report(h6[h], h6[h + 1], s7, consumer);
      for (int h = 0; h < n7; h += 2) report(h7[h], h7[h + 1], Integer.MAX_VALUE, consumer);
    }
    scan(text, s0 + lockstep, s0 + w0, o0, s1, consumer);
    scan(text, s1 + lockstep, s1 + w1, o1, s2, consumer);
    scan(text, s2 + lockstep, s2 + w2, o2, s3, consumer);
    scan(text, s3 + lockstep, s3 + w3, o3, s4, consumer);
    scan(text, s4 + lockstep, s4 + w4, o4, s5, consumer);
    scan(text, s5 + lockstep, s5 + w5, o5, s6, consumer);
    scan(text, s6 + lockstep, s6 + w6, o6, s7, consumer);
    scan(text, s7 + lockstep, s7 + w7, o7, Integer.MAX_VALUE, consumer);
  }

  /** Two halves in one loop: for texts too short for eight slices. */
  private void searchInHalves(String text, HitConsumer consumer) {
    int n = text.length();
    final int[] table = transitions;
    final int[] symbols = symbolOf;
    int mid = n / 2;
    int firstEnd = Math.min(n, mid + maxKeywordLength - 1);
    int lockstep = Math.min(firstEnd, n - mid);
    char[] a = new char[Math.min(CHUNK, lockstep)];
    char[] b = new char[a.length];
    int[] hitsA = new int[64];
    int[] hitsB = new int[64];
    int offsetA = 0;
    int offsetB = 0;
    for (int base = 0; base < lockstep; base += CHUNK) {
      int m = Math.min(CHUNK, lockstep - base);
      text.getChars(base, base + m, a, 0);
      text.getChars(mid + base, mid + base + m, b, 0);
      int ha = 0;
      int hb = 0;
      for (int i = 0; i < m; i++) {
        int nextA = table[offsetA + symbols[a[i]]];
        int nextB = table[offsetB + symbols[b[i]]];
        offsetA = nextA & OFFSET;
        offsetB = nextB & OFFSET;
        if ((nextA | nextB) >= HIT) {
          if (nextA >= HIT) {
            if (ha == hitsA.length) hitsA = Arrays.copyOf(hitsA, ha * 2);
            hitsA[ha++] = offsetA;
            hitsA[ha++] = base + i + 1;
          }
          if (nextB >= HIT) {
            if (hb == hitsB.length) hitsB = Arrays.copyOf(hitsB, hb * 2);
            hitsB[hb++] = offsetB;
            hitsB[hb++] = mid + base + i + 1;
          }
        }
      }
      for (int h = 0; h < ha; h += 2) report(hitsA[h], hitsA[h + 1], mid, consumer);
      for (int h = 0; h < hb; h += 2) report(hitsB[h], hitsB[h + 1], Integer.MAX_VALUE, consumer);
    }
    scan(text, lockstep, firstEnd, offsetA, mid, consumer);
    scan(text, mid + lockstep, n, offsetB, Integer.MAX_VALUE, consumer);
  }

  /** Walks text[from, to) from a state offset, reporting hits that start before {@code startLimit}. */
  private void scan(String text, int from, int to, int offset, int startLimit, HitConsumer consumer) {
    final int[] table = transitions;
    final int[] symbols = symbolOf;
    char[] chunk = new char[Math.max(0, Math.min(to - from, CHUNK))];
    int[] hits = new int[64];
    for (int base = from; base < to; base += CHUNK) {
      int m = Math.min(CHUNK, to - base);
      text.getChars(base, base + m, chunk, 0);
      int hc = 0;
      for (int i = 0; i < m; i++) {
        int next = table[offset + symbols[chunk[i]]];
        offset = next & OFFSET;
        if (next >= HIT) {
          if (hc == hits.length) hits = Arrays.copyOf(hits, hc * 2);
          hits[hc++] = offset;
          hits[hc++] = base + i + 1;
        }
      }
      for (int h = 0; h < hc; h += 2) report(hits[h], hits[h + 1], startLimit, consumer);
    }
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
