package dev.mailleaks.findings;

import dev.mailleaks.decode.TextUnit;
import dev.mailleaks.extract.MessageHeaders;
import dev.mailleaks.match.Match;
import dev.mailleaks.rules.Rule;
import dev.mailleaks.source.MessageOrigin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups one message's matches into findings: one per secret, however often, in however many parts and by however
 * many rules it is found (the text and HTML alternatives of one mail usually say the same thing; a GCP service
 * account key is also a PEM key). Of several rules, the finding names the most specific: a named provider before
 * a generic rule, then the more severe.
 */
public final class FindingAssembler {
  private static final int CONTEXT_CHARS = 160;

  private final boolean showSecrets;
  private final Map<String, Builder> byKey = new LinkedHashMap<>();

  public FindingAssembler(boolean showSecrets) {
    this.showSecrets = showSecrets;
  }

  /** Adds the matches found in one part's text. */
  public void add(TextUnit unit, List<Match> matches) {
    int line = 1;
    int scanned = 0;
    for (Match match : matches) {
      for (int i = scanned; i < match.start(); i++) {
        if (unit.text().charAt(i) == '\n') line++;
      }
      scanned = Math.max(scanned, match.start());
      Builder builder = byKey.get(match.secret());
      if (builder == null) {
        builder = new Builder(match, line, context(unit.text(), match, matches));
        byKey.put(match.secret(), builder);
      } else if (moreSpecific(match.rule(), builder.rule)) {
        builder.rule = match.rule();
      }
      if (!builder.parts.contains(unit.part())) {
        builder.parts.add(unit.part());
      }
    }
  }

  public List<Finding> findings(MessageOrigin origin, MessageHeaders headers) {
    List<Finding> findings = new ArrayList<>(byKey.size());
    // A subject like "password: hunter22" must not carry the secret into the report.
    String subject = scrub(headers.subject());
    String from = scrub(headers.from());
    String sender = scrub(headers.sender());
    String replyTo = scrub(headers.replyTo());
    String to = scrub(headers.to());
    String cc = scrub(headers.cc());
    for (Builder b : byKey.values()) {
      Match m = b.first;
      findings.add(new Finding(b.rule.id(), b.rule.name(), b.rule.provider(), b.rule.severity().label(),
          Fingerprint.of(m.secret()), Redactor.redact(m.secret()), showSecrets ? m.secret() : null,
          origin.source(), headers.messageId(), origin.index(), origin.offset(), b.parts, b.line,
          from, sender, replyTo, to, cc, headers.date(), subject, b.context, SecretAccounts.of(m.secret(), m.account())));
    }
    return findings;
  }

  /** Replaces every secret found in this message by its redacted form. */
  private String scrub(String text) {
    return text.isEmpty() ? text : Redactor.scrub(text, byKey.keySet());
  }

  /** The match's line, clipped around it, with every secret on it redacted. */
  static String context(String text, Match match, List<Match> all) {
    int lineStart = text.lastIndexOf('\n', match.start() - 1) + 1;
    int lineEnd = text.indexOf('\n', match.start());
    if (lineEnd < 0 || lineEnd < match.end() && text.indexOf('\n', match.end()) < 0) {
      lineEnd = text.length();
    }
    // Multi-line secrets (a private key block): the context is the line where the block starts.
    int from = Math.max(lineStart, match.start() - CONTEXT_CHARS / 2);
    int to = Math.min(lineEnd, Math.max(match.end(), match.start()) + CONTEXT_CHARS / 2);
    StringBuilder out = new StringBuilder();
    int pos = from;
    for (Match other : all) {
      if (other.end() <= from || other.start() >= to || other.start() < pos) continue;
      out.append(text, pos, other.start()).append(Redactor.redact(other.secret()));
      pos = Math.min(Math.max(other.end(), pos), text.length());
      if (other.end() > to) {
        pos = to;
        break;
      }
    }
    if (pos < to) out.append(text, pos, to);
    String line = out.toString().replaceAll("[\\r\\n\\t]+", " ").strip();
    return (from > lineStart ? "…" : "") + line + (to < lineEnd ? "…" : "");
  }

  static boolean moreSpecific(Rule candidate, Rule current) {
    int candidateRank = specificity(candidate);
    int currentRank = specificity(current);
    if (candidateRank != currentRank) {
      return candidateRank < currentRank;
    }
    return candidate.severity().ordinal() < current.severity().ordinal();
  }

  /**
   * 0: a named provider's rule; 1: a rule for one kind of secret without a provider (a JWT, a labelled password, a
   * private key); 2: a catch-all {@code generic.*} rule (a credential assignment), which only ever names a secret
   * no better rule found, whichever file it was loaded from first.
   */
  private static int specificity(Rule rule) {
    if (!rule.provider().equalsIgnoreCase("Generic") && !rule.provider().isEmpty()) {
      return 0;
    }
    return rule.id().startsWith("generic.") ? 2 : 1;
  }

  private static final class Builder {
    final Match first;
    Rule rule;
    final int line;
    final String context;
    final List<String> parts = new ArrayList<>(2);

    Builder(Match first, int line, String context) {
      this.first = first;
      this.rule = first.rule();
      this.line = line;
      this.context = context;
    }
  }
}
