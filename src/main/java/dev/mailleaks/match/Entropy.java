package dev.mailleaks.match;

import java.util.HashMap;
import java.util.Map;

/** Shannon entropy of a string, in bits per character: how random a candidate secret looks. */
public final class Entropy {
  private Entropy() {}

  public static double bitsPerChar(String s) {
    if (s.isEmpty()) {
      return 0;
    }
    Map<Integer, Integer> counts = new HashMap<>();
    s.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
    int length = s.codePointCount(0, s.length());
    double bits = 0;
    for (int count : counts.values()) {
      double p = (double) count / length;
      bits -= p * (Math.log(p) / Math.log(2));
    }
    return bits;
  }
}
