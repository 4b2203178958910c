package dev.mailleaks.notify;

import dev.mailleaks.customers.Customer;
import dev.mailleaks.store.StoredSecret;
import java.util.List;

/**
 * What a letter template sees, by name: {@code customer.id}, {@code customer.name}, {@code contacts},
 * {@code generated_at}, {@code count}, and {@code secrets}, each with {@code provider}, {@code rule_name},
 * {@code severity}, {@code secret_redacted}, {@code fingerprint}, {@code first_seen}, {@code last_seen},
 * {@code occurrences}, {@code role}, {@code remediation}. Documented in the README for template authors.
 */
record LetterModel(Customer customer, String contacts, String generated_at, int count, List<SecretEntry> secrets) {

  record SecretEntry(String provider, String rule_name, String severity, String secret_redacted, String fingerprint,
      String first_seen, String last_seen, long occurrences, String role, String remediation) {}

  static LetterModel of(Customer customer, List<Notification> notifications, String generatedAt) {
    List<SecretEntry> secrets = notifications.stream().map(n -> {
      StoredSecret s = n.secret();
      return new SecretEntry(s.provider(), s.ruleName(), s.severity(), s.secretRedacted(), s.fingerprint(),
          s.firstSeen().isEmpty() ? "unknown" : s.firstSeen(), s.lastSeen().isEmpty() ? "unknown" : s.lastSeen(),
          s.occurrences(), describe(n.attribution().strongest()), s.remediation());
    }).toList();
    return new LetterModel(customer, String.join(", ", customer.contacts()), generatedAt, secrets.size(), secrets);
  }

  private static String describe(dev.mailleaks.customers.Role role) {
    return switch (role) {
      case ACCOUNT -> "the secret belongs to your account";
      case SENT_BY -> "sent by your organisation";
      case SENT_TO -> "sent to your organisation";
      case COPIED -> "your organisation was copied";
    };
  }
}
