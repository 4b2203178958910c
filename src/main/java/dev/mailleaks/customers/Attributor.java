package dev.mailleaks.customers;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Group;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;

/**
 * Attributes secrets to customers, by the rules the README documents: a customer whose domain (or a subdomain
 * of it) appears in the From, Sender, Reply-To, To or Cc of a message carrying the secret; and, as the strongest
 * evidence, a customer whose listed account the secret itself names. Internal domains are never a customer's,
 * even when a customer row lists them.
 */
public final class Attributor {
  private final List<Customer> customers;
  private final List<String> internalDomains;

  public Attributor(CustomerDirectory directory, List<String> internalDomains) {
    this.customers = directory.customers();
    this.internalDomains = internalDomains.stream().map(d -> d.strip().toLowerCase(Locale.ROOT)).toList();
  }

  /**
   * The customers of one secret, in directory order.
   *
   * @param messages the correspondents of every message carrying it
   * @param accounts the accounts it names ({@code aws:…}, {@code host:…})
   */
  public List<Attribution> attribute(List<Participants> messages, List<String> accounts) {
    Map<Customer, EnumSet<Role>> roles = new LinkedHashMap<>();
    Map<Customer, Set<String>> evidence = new LinkedHashMap<>();
    for (String account : accounts) {
      String lower = account.toLowerCase(Locale.ROOT);
      String host = lower.startsWith("host:") ? lower.substring(5) : null;
      for (Customer c : customers) {
        boolean listed = c.accounts().contains(lower);
        boolean hostInDomain = host != null && !isInternal(host) && ownsDomain(c, host);
        if (listed || hostInDomain) {
          add(roles, evidence, c, Role.ACCOUNT, "secret names " + account);
        }
      }
    }
    for (Participants p : messages) {
      addresses(p.from(), Role.SENT_BY, roles, evidence);
      addresses(p.sender(), Role.SENT_BY, roles, evidence);
      addresses(p.replyTo(), Role.SENT_BY, roles, evidence);
      addresses(p.to(), Role.SENT_TO, roles, evidence);
      addresses(p.cc(), Role.COPIED, roles, evidence);
    }
    List<Attribution> attributions = new ArrayList<>();
    for (Customer c : customers) {
      if (roles.containsKey(c)) {
        attributions.add(new Attribution(c, roles.get(c), List.copyOf(evidence.get(c))));
      }
    }
    return attributions;
  }

  private void addresses(String field, Role role, Map<Customer, EnumSet<Role>> roles, Map<Customer, Set<String>> evidence) {
    if (field == null || field.isBlank()) {
      return;
    }
    for (String address : addressesOf(field)) {
      int at = address.lastIndexOf('@');
      String domain = address.substring(at + 1);
      if (isInternal(domain)) {
        continue;
      }
      for (Customer c : customers) {
        if (ownsDomain(c, domain) || c.contacts().contains(address)) {
          add(roles, evidence, c, role, role.label() + " " + address);
        }
      }
    }
  }

  /** The addresses of a header field; mime4j's lenient parser copes with what real mail writes there. */
  static List<String> addressesOf(String field) {
    List<String> found = new ArrayList<>();
    AddressList list = LenientAddressParser.DEFAULT.parseAddressList(field);
    for (Address address : list) {
      if (address instanceof Mailbox mailbox) {
        addMailbox(mailbox, found);
      } else if (address instanceof Group group) {
        group.getMailboxes().forEach(m -> addMailbox(m, found));
      }
    }
    return found;
  }

  private static void addMailbox(Mailbox mailbox, List<String> into) {
    if (mailbox.getDomain() != null && !mailbox.getDomain().isBlank()) {
      into.add((mailbox.getLocalPart() + "@" + mailbox.getDomain()).toLowerCase(Locale.ROOT));
    }
  }

  private boolean isInternal(String domain) {
    return internalDomains.stream().anyMatch(d -> isWithin(domain, d));
  }

  private static boolean ownsDomain(Customer c, String domain) {
    return c.domains().stream().anyMatch(d -> isWithin(domain, d));
  }

  /** {@code domain} is {@code owner} or a subdomain of it ({@code mail.acme.example} is within {@code acme.example}). */
  static boolean isWithin(String domain, String owner) {
    return domain.equals(owner) || domain.endsWith("." + owner);
  }

  private static void add(Map<Customer, EnumSet<Role>> roles, Map<Customer, Set<String>> evidence, Customer c, Role role,
      String why) {
    roles.computeIfAbsent(c, k -> EnumSet.noneOf(Role.class)).add(role);
    evidence.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(why);
  }
}
