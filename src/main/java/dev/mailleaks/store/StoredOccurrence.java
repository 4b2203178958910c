package dev.mailleaks.store;

/**
 * One secret found in one message, as recorded by a scan.
 *
 * @param source the input file, with {@code !}-joined paths inside containers
 * @param messageIndex the message's 1-based ordinal within {@code source}
 * @param messageOffset the message's byte offset within an mbox, or -1
 * @param parts the part paths, {@code ;}-joined
 * @param line 1-based line of the first occurrence in the first part's text
 * @param date the Date header as written; {@code dateUtc} the same instant in ISO-8601 UTC, or empty
 * @param context the secret's line with every secret on it redacted
 */
public record StoredOccurrence(
    String fingerprint,
    String ruleId,
    String ruleName,
    String provider,
    String severity,
    String secretRedacted,
    String source,
    long messageIndex,
    long messageOffset,
    String messageId,
    String parts,
    int line,
    String from,
    String sender,
    String replyTo,
    String to,
    String cc,
    String date,
    String dateUtc,
    String subject,
    String context) {}
