package dev.mailleaks.customers;

import java.util.List;
import java.util.Set;

/**
 * A secret attributed to one customer.
 *
 * @param roles every way the customer is tied to the secret, strongest first
 * @param evidence what showed it: the account named, or the addresses that matched
 */
public record Attribution(Customer customer, Set<Role> roles, List<String> evidence) {
  public Attribution {
    roles = Set.copyOf(roles);
    evidence = List.copyOf(evidence);
  }

  public Role strongest() {
    return roles.stream().min(Enum::compareTo).orElseThrow();
  }

  /** The roles as labels, strongest first, {@code ;}-joined. */
  public String roleLabels() {
    return String.join(";", roles.stream().sorted().map(Role::label).toList());
  }
}
