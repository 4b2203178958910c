package dev.mailleaks.rules.peer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailleaks.rules.Allowlist;
import dev.mailleaks.rules.Rule;
import dev.mailleaks.rules.RuleDiagnostic;
import dev.mailleaks.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A peer rule as its reader understood it, before it becomes one of ours: the regex still in the peer's dialect.
 * Imported rules are unanchored (where the keyword sits in a match is not known), and their window grows to fit
 * their longest example.
 *
 * @param secretGroup the peer's 1-based capture group holding the secret; 0: the first group that matched (named
 *     {@code secret}, {@code secret2}, …), or the whole match when there is none (what all three peers do)
 * @param keywords the peer's keywords; empty: derived from the pattern's literals
 */
record PeerRule(
    String format,
    String file,
    String peerId,
    String name,
    String description,
    String provider,
    Severity severity,
    String regex,
    RegexTranslator.Dialect dialect,
    int secretGroup,
    List<String> keywords,
    double minEntropy,
    Allowlist allowlist,
    List<String> references,
    List<String> examples,
    List<String> negativeExamples) {

  private static final int MAX_WINDOW = 16 * 1024;

  /** Our rule, or empty with the reason in {@code diagnostics}; what is approximated is noted there too. */
  Optional<ImportedRule> toImported(List<RuleDiagnostic> diagnostics) {
    RegexTranslator.Translation translation;
    try {
      translation = RegexTranslator.translate(regex, dialect);
    } catch (UntranslatableRegexException e) {
      return reject(diagnostics, "regex cannot be translated to Java: " + e.getMessage());
    }
    translation.notes().forEach(note -> diagnostics.add(diagnostic("approximated: " + note)));
    String javaPattern;
    if (secretGroup > translation.groupCount()) {
      return reject(diagnostics, "secretGroup " + secretGroup + " but the regex has " + translation.groupCount()
          + " capture groups");
    } else if (secretGroup > 0) {
      javaPattern = translation.namingGroup(secretGroup, Rule.SECRET_GROUP);
    } else if (translation.groupCount() == 0) {
      javaPattern = "(?<" + Rule.SECRET_GROUP + ">" + translation.pattern() + ")";
    } else {
      // all three peers take the first group that matched: groups 2.. become alternates the matcher falls back to
      javaPattern = translation.pattern();
      for (int group = translation.groupCount(); group >= 1; group--) {
        javaPattern = translation.withPattern(javaPattern)
            .namingGroup(group, group == 1 ? Rule.SECRET_GROUP : Rule.SECRET_GROUP + group);
      }
    }
    Pattern pattern;
    try {
      pattern = Pattern.compile(javaPattern);
    } catch (PatternSyntaxException e) {
      String message = e.getDescription() + " near index " + e.getIndex();
      return reject(diagnostics, "translated regex does not compile in Java: " + message);
    }
    List<String> ruleKeywords = keywords.stream().filter(k -> !k.isBlank()).toList();
    if (ruleKeywords.isEmpty()) {
      ruleKeywords = LiteralKeywords.derive(translation.pattern());
      if (ruleKeywords.isEmpty()) {
        ruleKeywords = LiteralKeywords.derive(translation.pattern(), 1);
        if (ruleKeywords.isEmpty()) {
          return reject(diagnostics, "slow: it has no keywords and no literal that every match contains, so it would"
              + " run over all text; give it keywords to use it");
        }
        diagnostics.add(diagnostic("approximated: slow: no literal of " + LiteralKeywords.MIN_LENGTH
            + "+ characters that every match contains, so it runs near every '" + String.join("' or '", ruleKeywords) + "'"
            + "; give it keywords to make it fast"));
      }
    }
    Rule rule = new Rule(ourId(), name, description, provider, severity, ruleKeywords, pattern, window(), Rule.UNANCHORED, minEntropy, allowlist, "", references, examples, negativeExamples,
        file + " [" + peerId + "]");
    return Optional.of(new ImportedRule(rule, format, file, peerId));
  }

  /** The default window, or more when the peer's own examples are longer (private key blocks). */
  private int window() {
    int longest = examples.stream().mapToInt(String::length).max().orElse(0);
    return Math.min(MAX_WINDOW, Math.max(Rule.DEFAULT_WINDOW, (longest + 1023) / 1024 * 1024));
  }

  /** Our id: the peer's, lowercase, prefixed with the format unless it already names its tool (np., kingfisher.). */
  String ourId() {
    String id = peerId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-").replaceAll("([.-])[.-]+", "$1")
        .replaceAll("^[.-]+|[.-]+$", "");
    String prefix = format.equals("noseyparker") ? "np." : format + ".";
    return id.startsWith(prefix) ? id : prefix + id;
  }

  RuleDiagnostic diagnostic(String message) {
    return new RuleDiagnostic(file, peerId, message);
  }

  private Optional<ImportedRule> reject(List<RuleDiagnostic> diagnostics, String reason) {
    diagnostics.add(diagnostic(PeerRuleFile.NOT_IMPORTED + reason));
    return Optional.empty();
  }

  /** The provider a peer's rule name or id starts with: "Anthropic API Key" → Anthropic, aws-access-token → aws. */
  static String providerOf(String nameOrId) {
    String first = nameOrId.strip().split("[\\s_.-]+", 2)[0];
    return first.isEmpty() ? "" : Character.toUpperCase(first.charAt(0)) + first.substring(1);
  }

  /** A YAML or TOML value as a list of strings: a list's items, a single value, or nothing. */
  static List<String> texts(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(v -> out.add(v.asText()));
    } else if (node.isValueNode() && !node.isNull()) {
      out.add(node.asText());
    }
    return out;
  }
}
