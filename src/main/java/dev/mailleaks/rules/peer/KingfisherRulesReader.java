package dev.mailleaks.rules.peer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailleaks.rules.Allowlist;
import dev.mailleaks.rules.RuleDiagnostic;
import dev.mailleaks.rules.Severity;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a Kingfisher rules file: Nosey Parker's shape plus {@code keywords}, {@code min_entropy} and
 * {@code confidence} (taken as our severity: low, medium or high), and live {@code validation} blocks, which are
 * not carried over (mailleaks does not call providers). Rules marked {@code visible: false} only feed another rule's
 * validation and report nothing, so they are not imported.
 */
public final class KingfisherRulesReader {
  public static final String FORMAT = "kingfisher";
  private static final Set<String> FIELDS = Set.of("name", "id", "pattern", "description", "examples",
      "negative_examples", "references", "categories", "keywords", "min_entropy", "confidence", "visible");
  private static final Set<String> VALIDATION_FIELDS = Set.of("validation", "depends_on_rule");

  public PeerRuleFile read(String file, JsonNode root) {
    List<RuleDiagnostic> diagnostics = new ArrayList<>();
    List<ImportedRule> rules = new ArrayList<>();
    for (JsonNode node : root.path("rules")) {
      String id = node.path("id").asText("");
      if (id.isBlank() || !node.hasNonNull("pattern")) {
        diagnostics.add(new RuleDiagnostic(file, id.isBlank() ? null : id, PeerRuleFile.NOT_IMPORTED
            + "a rule needs an id and a pattern"));
        continue;
      }
      if (!node.path("visible").asBoolean(true)) {
        diagnostics.add(new RuleDiagnostic(file, id, PeerRuleFile.NOT_IMPORTED
            + "visible: false (a helper for another rule's validation; Kingfisher reports nothing for it)"));
        continue;
      }
      for (Iterator<String> fields = node.fieldNames(); fields.hasNext(); ) {
        String field = fields.next();
        if (VALIDATION_FIELDS.contains(field)) {
          diagnostics.add(new RuleDiagnostic(file, id, PeerRuleFile.NOT_CARRIED_OVER + field
              + " (live validation against the provider; mailleaks does not call providers)"));
        } else if (!FIELDS.contains(field)) {
          diagnostics.add(new RuleDiagnostic(file, id, PeerRuleFile.NOT_CARRIED_OVER + "field '" + field + "'"));
        }
      }
      double entropy = node.path("min_entropy").asDouble(0);
      if (entropy < 0 || entropy > 8) {
        diagnostics.add(new RuleDiagnostic(file, id, PeerRuleFile.NOT_CARRIED_OVER + "min_entropy " + entropy));
        entropy = 0;
      }
      String name = node.path("name").asText(id);
      PeerRule rule = new PeerRule(FORMAT, file, id, name, NoseyParkerRulesReader.describe(node),
          PeerRule.providerOf(name), severity(node.path("confidence").asText("medium")), node.get("pattern").asText(),
          RegexTranslator.Dialect.RUST, 0, PeerRule.texts(node.path("keywords")), entropy, Allowlist.NONE,
          PeerRule.texts(node.path("references")), PeerRule.texts(node.path("examples")),
          PeerRule.texts(node.path("negative_examples")));
      rule.toImported(diagnostics).ifPresent(rules::add);
    }
    return new PeerRuleFile(file, FORMAT, rules, diagnostics);
  }

  private static Severity severity(String confidence) {
    return switch (confidence.toLowerCase(Locale.ROOT)) {
      case "high" -> Severity.HIGH;
      case "low" -> Severity.LOW;
      default -> Severity.MEDIUM;
    };
  }
}
