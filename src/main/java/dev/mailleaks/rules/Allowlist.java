package dev.mailleaks.rules;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a rule does not report although its pattern matched: placeholders, documentation values, redactions.
 *
 * @param secrets regexes; a secret in which one is found is dropped
 * @param lines regexes; a secret whose line contains a match is dropped
 * @param stopwords literals; a secret containing one (ignoring case) is dropped
 * @param matches regexes; a secret whose whole match (the pattern's text around it) contains one is dropped
 */
public record Allowlist(List<Pattern> secrets, List<Pattern> lines, List<String> stopwords, List<Pattern> matches) {
  public static final Allowlist NONE = new Allowlist(List.of(), List.of(), List.of());

  public Allowlist {
    secrets = List.copyOf(secrets);
    lines = List.copyOf(lines);
    stopwords = stopwords.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    matches = List.copyOf(matches);
  }

  public Allowlist(List<Pattern> secrets, List<Pattern> lines, List<String> stopwords) {
    this(secrets, lines, stopwords, List.of());
  }

  /** True if the secret, found on {@code line}, is allowed, that is: not reported. */
  public boolean allows(String secret, String line) {
    return allows(secret, secret, line);
  }

  /** True if the secret, found in {@code match} on {@code line}, is allowed, that is: not reported. */
  public boolean allows(String secret, String match, String line) {
    if (!stopwords.isEmpty()) {
      String lower = secret.toLowerCase(Locale.ROOT);
      for (String stopword : stopwords) {
        if (lower.contains(stopword)) return true;
      }
    }
    for (Pattern pattern : secrets) {
      if (pattern.matcher(secret).find()) return true;
    }
    for (Pattern pattern : lines) {
      if (pattern.matcher(line).find()) return true;
    }
    for (Pattern pattern : matches) {
      if (pattern.matcher(match).find()) return true;
    }
    return false;
  }

  public boolean isEmpty() {
    return secrets.isEmpty() && lines.isEmpty() && stopwords.isEmpty() && matches.isEmpty();
  }
}
