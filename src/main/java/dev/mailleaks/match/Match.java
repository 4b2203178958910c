package dev.mailleaks.match;

import dev.mailleaks.rules.Rule;

/** One occurrence of a rule's secret in a text: {@code start}/{@code end} delimit the secret group. */
public record Match(Rule rule, int start, int end, String secret) {}
