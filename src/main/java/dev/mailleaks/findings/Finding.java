package dev.mailleaks.findings;

import java.util.List;
import java.util.Objects;

/**
 * One secret occurring in one message, however many times and in however many of its parts.
 *
 * @param secret the plaintext, present only when the user asked for it ({@code --show-secrets})
 * @param source the input file, with {@code !}-joined paths inside compressed files and containers
 * @param messageIndex the message's 1-based ordinal within {@code source}
 * @param messageOffset the byte offset of the message within an mbox, or -1
 * @param parts every part path the secret occurs in, in message order
 * @param line 1-based line of the first occurrence within the text of the first part
 * @param context the first occurrence's line, with every secret on it redacted
 * @param account the account the secret itself names (an AWS account id, a workspace or host), or empty
 */
public record Finding(
    String ruleId,
    String ruleName,
    String provider,
    String severity,
    String fingerprint,
    String secretRedacted,
    String secret,
    String source,
    String messageId,
    long messageIndex,
    long messageOffset,
    List<String> parts,
    int line,
    String from,
    String sender,
    String replyTo,
    String to,
    String cc,
    String date,
    String subject,
    String context,
    String account) {

  public Finding {
    Objects.requireNonNull(ruleId);
    Objects.requireNonNull(fingerprint);
    parts = List.copyOf(parts);
  }

  public String part() {
    return String.join(";", parts);
  }
}
