package dev.mailleaks.report;

import dev.mailleaks.store.StoredOccurrence;
import dev.mailleaks.store.StoredScan;
import dev.mailleaks.store.StoredSecret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

  /** The occurrences of each secret, in the snapshot's occurrence order. */
  public Map<String, List<StoredOccurrence>> occurrencesByFingerprint() {
    Map<String, List<StoredOccurrence>> byFingerprint = new LinkedHashMap<>();
    for (StoredOccurrence o : occurrences) {
      byFingerprint.computeIfAbsent(o.fingerprint(), k -> new ArrayList<>()).add(o);
    }
    return byFingerprint;
  }

  /** The customers a secret is attributed to, in directory order; empty when none or no directory was given. */
  public List<String> customersOf(String fingerprint) {
    return customersByFingerprint.getOrDefault(fingerprint, List.of());
  }

  /** Whether any secret carries its plaintext (the datastore held it and the caller asked for it). */
  public boolean hasPlaintext() {
    return secrets.stream().anyMatch(s -> s.secret() != null);
  }
}
