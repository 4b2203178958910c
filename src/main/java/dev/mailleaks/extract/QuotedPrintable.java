package dev.mailleaks.extract;

import java.util.Arrays;

/**
 * Decodes quoted-printable (RFC 2045) in one pass over a byte array: faster than a decoding stream, and
 * lenient as mail requires: a malformed escape is kept as written, and a soft line break may carry trailing
 * transport padding ({@code "= \r\n"}).
 */
final class QuotedPrintable {
  private QuotedPrintable() {}

  static byte[] decode(byte[] in) {
    byte[] out = new byte[in.length];
    int o = 0;
    int n = in.length;
    for (int i = 0; i < n; i++) {
      byte b = in[i];
      if (b != '=') {
        out[o++] = b;
        continue;
      }
      int j = i + 1;
      while (j < n && (in[j] == ' ' || in[j] == '\t')) j++;
      if (j < n && in[j] == '\n') { // soft line break
        i = j;
        continue;
      }
      if (j + 1 < n && in[j] == '\r' && in[j + 1] == '\n') {
        i = j + 1;
        continue;
      }
      if (j >= n) { // '=' (and padding) at the very end: a soft break before end of part
        break;
      }
      int hi = i + 2 < n ? Character.digit(in[i + 1], 16) : -1;
      int lo = i + 2 < n ? Character.digit(in[i + 2], 16) : -1;
      if (hi >= 0 && lo >= 0) {
        out[o++] = (byte) (hi << 4 | lo);
        i += 2;
      } else {
        out[o++] = b; // not an escape: keep it
      }
    }
    return o == out.length ? out : Arrays.copyOf(out, o);
  }
}
