package dev.mailleaks.findings;

/**
 * Shows enough of a secret to recognise it, never enough to use it: at most a quarter of it in total, and
 * nothing of a secret shorter than eight characters but its length.
 */
public final class Redactor {
  private Redactor() {}

  /** {@code text} with every occurrence of each secret replaced by its redacted form. */
  public static String scrub(String text, java.util.Collection<String> secrets) {
    String out = text;
    for (String secret : secrets) {
      if (!secret.isEmpty() && out.contains(secret)) {
        out = out.replace(secret, redact(secret));
      }
    }
    return out;
  }

  public static String redact(String secret) {
    String flat = secret.strip();
    if (flat.contains("\n")) {
      String firstLine = flat.substring(0, flat.indexOf('\n')).strip();
      if (firstLine.startsWith("-----") || firstLine.startsWith("---- ")) {
        // PEM or SSH2 armour: the first line names the key's kind and holds none of it
        return firstLine + " …(" + secret.length() + " chars)";
      }
      // bare key material wrapped over lines (base64 DER, a PuTTY key's private lines): redacted as one value
      return redact(flat.replaceAll("\\s+", "")) + " (" + secret.length() + " chars)";
    }
    int length = secret.codePointCount(0, secret.length());
    if (length < 8) {
      return "*".repeat(Math.max(3, length));
    }
    int head = Math.min(6, length / 5);
    int tail = Math.min(4, length / 10);
    int headEnd = secret.offsetByCodePoints(0, head);
    int tailStart = secret.offsetByCodePoints(secret.length(), -tail);
    return secret.substring(0, headEnd) + "…" + secret.substring(tailStart);
  }
}
