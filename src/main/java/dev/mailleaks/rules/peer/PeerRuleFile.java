package dev.mailleaks.rules.peer;

import dev.mailleaks.rules.Rule;
import dev.mailleaks.rules.RuleDiagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * What one peer rule file gave: the rules imported and, per rule, what was not: rules that could not be imported
 * (messages starting {@value #NOT_IMPORTED}) and features of imported rules that were not carried over.
 */
public record PeerRuleFile(String file, String format, List<ImportedRule> rules, List<RuleDiagnostic> diagnostics) {
  public static final String NOT_IMPORTED = "not imported: ";
  public static final String NOT_CARRIED_OVER = "not carried over: ";

  public PeerRuleFile {
    rules = List.copyOf(rules);
    diagnostics = List.copyOf(diagnostics);
  }

  /** This file without {@code rule}, which is reported as not imported for {@code reason}. */
  public PeerRuleFile dropping(Rule rule, String reason) {
    List<ImportedRule> kept = rules.stream().filter(r -> r.rule() != rule).toList();
    List<RuleDiagnostic> more = new ArrayList<>(diagnostics);
    more.add(new RuleDiagnostic(file, rules.stream().filter(r -> r.rule() == rule).map(ImportedRule::peerId)
        .findFirst().orElse(rule.id()), NOT_IMPORTED + reason));
    return new PeerRuleFile(file, format, kept, more);
  }

  /** How many of the file's rules could not be imported. */
  public long notImported() {
    return diagnostics.stream().filter(d -> d.message().startsWith(NOT_IMPORTED)).count();
  }
}
