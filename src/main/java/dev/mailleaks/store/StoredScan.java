package dev.mailleaks.store;

/**
 * One run of {@code mailleaks scan} recorded in the datastore.
 *
 * @param startedAt when it started, ISO-8601 UTC; {@code endedAt} when it ended, or empty if it never did
 *     (killed, or still running)
 * @param options the command line options that shape results (rules, limits), as recorded
 */
public record StoredScan(
    long id,
    String startedAt,
    String endedAt,
    String toolVersion,
    String rulesVersion,
    int ruleCount,
    String options,
    long inputs,
    long inputsSkipped,
    long messages,
    long findings,
    long errors) {}
