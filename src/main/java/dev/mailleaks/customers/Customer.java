package dev.mailleaks.customers;

import java.util.List;

/**
 * A customer of the breached company, from the customer directory.
 *
 * @param domains mail domains, lowercase; subdomains belong to the customer too
 * @param contacts who to notify
 * @param accounts accounts a secret may name (an AWS account id as {@code aws:123456789012}), lowercase
 */
public record Customer(String id, String name, List<String> domains, List<String> contacts, List<String> accounts) {
  public Customer {
    domains = List.copyOf(domains);
    contacts = List.copyOf(contacts);
    accounts = List.copyOf(accounts);
  }
}
