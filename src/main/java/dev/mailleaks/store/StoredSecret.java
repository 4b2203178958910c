package dev.mailleaks.store;

import java.util.List;
import java.util.Objects;

/**
 * One secret as the datastore knows it across every scan: one row per fingerprint, however many messages and
 * mailboxes carry it.
 *
 * @param secret the plaintext, present only when a scan recorded it with {@code --show-secrets}
 * @param firstSeen the earliest message date (ISO-8601 UTC) of an occurrence, or empty when no date was readable
 * @param lastSeen the latest message date, likewise
 * @param mailboxes the inputs (archives) it was found in, sorted
 * @param messageIds the Message-IDs of the messages carrying it, sorted (messages without one are left out)
 * @param senders the From addresses of those messages, sorted
 * @param accounts the accounts the secret itself names (an AWS account id, a workspace), sorted
 * @param triageStatus open, confirmed, false-positive, rotated or notified
 * @param remediation how the owner revokes or rotates it, from the rule
 */
public record StoredSecret(
    String fingerprint,
    String ruleId,
    String ruleName,
    String provider,
    String severity,
    String secretRedacted,
    String secret,
    String firstSeen,
    String lastSeen,
    long occurrences,
    List<String> mailboxes,
    List<String> messageIds,
    List<String> senders,
    List<String> accounts,
    String triageStatus,
    String remediation) {

  public StoredSecret {
    Objects.requireNonNull(fingerprint);
    mailboxes = List.copyOf(mailboxes);
    messageIds = List.copyOf(messageIds);
    senders = List.copyOf(senders);
    accounts = List.copyOf(accounts);
  }
}
