package dev.mailleaks.rules.peer;

import dev.mailleaks.rules.Rule;
import java.util.Objects;

/**
 * A rule read from a peer scanner's rule file.
 *
 * @param format the peer format: {@code gitleaks}, {@code noseyparker} or {@code kingfisher}
 * @param file the peer file it was read from
 * @param peerId the rule's id in that file
 */
public record ImportedRule(Rule rule, String format, String file, String peerId) {
  public ImportedRule {
    Objects.requireNonNull(rule, "rule");
  }
}
