package dev.mailleaks.rules;

import java.util.HexFormat;
import java.util.List;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;

/** The rules of one scan, in a stable order, with a version that changes whenever any rule changes. */
public record RuleSet(List<Rule> rules) {

  public RuleSet {
    rules = List.copyOf(rules);
  }

  /** A short content hash of all rule ids and patterns: which rules produced a report. */
  public String version() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Rule rule : rules) {
        digest.update((rule.id() + "\u0000" + rule.pattern().pattern() + "\u0000" + rule.keywords()
            + "\u0000" + rule.window() + "\n").getBytes(StandardCharsets.UTF_8));
        // only when set, so that versions of rule sets without these keys stay as they were
        if (rule.validator() != null) {
          digest.update(("validator " + rule.validator().name() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        if (rule.companion() != null) {
          digest.update(("requires " + rule.companion() + "\n").getBytes(StandardCharsets.UTF_8));
        }
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
