package dev.mailleaks.report;

import dev.mailleaks.store.StoredOccurrence;
import dev.mailleaks.store.StoredScan;
import dev.mailleaks.store.StoredSecret;
import java.util.List;
import java.util.Map;

/**
 * What {@code mailleaks report} renders: the datastore's scans, secrets and their occurrences, and, when a
 * customer directory was given, the customers each secret is attributed to.
 *
 * @param secrets ordered by severity (critical first), then first seen
 * @param occurrences ordered by source, message index, then fingerprint
 * @param customersByFingerprint customer names per fingerprint; empty when no customer directory was given
 */
public record StoreSnapshot(
    ToolInfo tool,
    List<StoredScan> scans,
    List<StoredSecret> secrets,
    List<StoredOccurrence> occurrences,
    Map<String, List<String>> customersByFingerprint) {

  public StoreSnapshot {
    scans = List.copyOf(scans);
    secrets = List.copyOf(secrets);
    occurrences = List.copyOf(occurrences);
    customersByFingerprint = Map.copyOf(customersByFingerprint);
  }
}
