package dev.mailleaks.rules;

import java.util.List;
import java.util.stream.Collectors;

/** Rule files that cannot be used; carries every problem found, not just the first. */
public final class RuleFileException extends Exception {
  private final List<RuleDiagnostic> diagnostics;

  public RuleFileException(List<RuleDiagnostic> diagnostics) {
    super(diagnostics.stream().map(RuleDiagnostic::toString).collect(Collectors.joining("\n")));
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<RuleDiagnostic> diagnostics() {
    return diagnostics;
  }
}
