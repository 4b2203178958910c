package dev.mailleaks.rules.peer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Tells peer rule files from ours and reads them. A {@code .toml} file is a gitleaks config. A YAML file is a peer's
 * when it holds Nosey Parker {@code rulesets:}, or {@code rules:} entries that have a {@code pattern} and a
 * {@code name} but none of the fields only our rules have ({@code severity}, {@code provider}, {@code window},
 * {@code allowlist}, {@code remediation}, {@code imported_from}): our rules must have a severity, so a rule of ours
 * is never taken for a peer's. Kingfisher's are told by their ids or their Kingfisher-only fields.
 */
public final class PeerRuleFormats {
  private static final Set<String> OURS_ONLY = Set.of("severity", "provider", "window", "window_before",
      "allowlist", "remediation", "imported_from");
  private static final Set<String> KINGFISHER_ONLY = Set.of("confidence", "validation", "depends_on_rule", "visible",
      "min_entropy", "keywords");

  private PeerRuleFormats() {}

  public static boolean isGitleaks(Path file) {
    return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".toml");
  }

  /** True if the parsed YAML document is a Nosey Parker or Kingfisher rule or ruleset file. */
  public static boolean isPeerYaml(JsonNode root) {
    if (root == null || !root.isObject()) {
      return false;
    }
    if (root.has("rulesets") && !root.has("rules")) {
      return true;
    }
    JsonNode rules = root.path("rules");
    if (!rules.isArray() || rules.isEmpty()) {
      return false;
    }
    for (JsonNode rule : rules) {
      if (!rule.has("pattern") || !rule.has("name")) {
        return false;
      }
      for (String field : OURS_ONLY) {
        if (rule.has(field)) {
          return false;
        }
      }
    }
    return true;
  }

  public static PeerRuleFile readGitleaks(Path file) throws IOException {
    return new GitleaksConfigReader().read(file);
  }

  /** Reads a document {@link #isPeerYaml} accepted. */
  public static PeerRuleFile readPeerYaml(String file, JsonNode root) {
    return isKingfisher(root) ? new KingfisherRulesReader().read(file, root)
        : new NoseyParkerRulesReader().read(file, root);
  }

  private static boolean isKingfisher(JsonNode root) {
    for (JsonNode rule : root.path("rules")) {
      if (rule.path("id").asText("").startsWith("kingfisher.")) {
        return true;
      }
      for (String field : KINGFISHER_ONLY) {
        if (rule.has(field)) {
          return true;
        }
      }
    }
    return false;
  }
}
