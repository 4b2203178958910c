package dev.mailleaks.rules.peer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailleaks.rules.Allowlist;
import dev.mailleaks.rules.RuleDiagnostic;
import dev.mailleaks.rules.Severity;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a Nosey Parker rules file ({@code rules:} entries with {@code name}, {@code id}, a Rust-syntax
 * {@code pattern}, examples). Nosey Parker has no keywords: they are derived from the pattern's literals. Its
 * ruleset files ({@code rulesets:}) only select rules, so they import nothing.
 */
public final class NoseyParkerRulesReader {
  public static final String FORMAT = "noseyparker";
  private static final Set<String> FIELDS = Set.of("name", "id", "pattern", "description", "examples",
      "negative_examples", "references", "categories");

  public PeerRuleFile read(String file, JsonNode root) {
    List<RuleDiagnostic> diagnostics = new ArrayList<>();
    List<ImportedRule> rules = new ArrayList<>();
    if (root.has("rulesets")) {
      diagnostics.add(new RuleDiagnostic(file, null, PeerRuleFile.NOT_CARRIED_OVER
          + "Nosey Parker rulesets (every rule of the rule files given is used)"));
      return new PeerRuleFile(file, FORMAT, rules, diagnostics);
    }
    for (JsonNode node : root.path("rules")) {
      String id = node.path("id").asText("");
      for (Iterator<String> fields = node.fieldNames(); fields.hasNext(); ) {
        String field = fields.next();
        if (!FIELDS.contains(field)) {
          diagnostics.add(new RuleDiagnostic(file, id, PeerRuleFile.NOT_CARRIED_OVER + "field '" + field + "'"));
        }
      }
      if (id.isBlank() || !node.hasNonNull("pattern")) {
        diagnostics.add(new RuleDiagnostic(file, id.isBlank() ? null : id, PeerRuleFile.NOT_IMPORTED
            + "a rule needs an id and a pattern"));
        continue;
      }
      String name = node.path("name").asText(id);
      PeerRule rule = new PeerRule(FORMAT, file, id, name, describe(node), PeerRule.providerOf(name), Severity.MEDIUM,
          node.get("pattern").asText(), RegexTranslator.Dialect.RUST, 0, List.of(), 0, Allowlist.NONE,
          PeerRule.texts(node.path("references")), PeerRule.texts(node.path("examples")),
          PeerRule.texts(node.path("negative_examples")));
      rule.toImported(diagnostics).ifPresent(rules::add);
    }
    return new PeerRuleFile(file, FORMAT, rules, diagnostics);
  }

  /** The description, folded to one paragraph, with the peer's categories. */
  static String describe(JsonNode node) {
    String description = node.path("description").asText("").strip().replaceAll("\\s*\n\\s*", " ");
    List<String> categories = PeerRule.texts(node.path("categories"));
    if (!categories.isEmpty()) {
      description = (description + " Categories: " + String.join(", ", categories) + ".").strip();
    }
    return description;
  }
}
