package dev.mailleaks.match;

import dev.mailleaks.rules.Rule;

/**
 * One occurrence of a rule's secret in a text: {@code start}/{@code end} delimit the secret group.
 *
 * @param account what the rule's {@code account} group matched (the host of a URL, say), or empty
 */
public record Match(Rule rule, int start, int end, String secret, String account) {
  public Match(Rule rule, int start, int end, String secret) {
    this(rule, start, end, secret, "");
  }
}
