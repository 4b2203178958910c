package dev.mailleaks.rules;

/** A problem found in a rule file, written for the person who maintains it. */
public record RuleDiagnostic(String file, String ruleId, String message) {

  @Override
  public String toString() {
    return file + (ruleId == null ? "" : " [" + ruleId + "]") + ": " + message;
  }
}
