package dev.mailleaks.customers;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
  private final Set<String> internalDomains;
  // Indexes, so that attributing a secret costs the same with ten customers or ten thousand.
  private final Map<String, List<Customer>> byDomain = new HashMap<>();
  private final Map<String, List<Customer>> byContact = new HashMap<>();
  private final Map<String, List<Customer>> byAccount = new HashMap<>();
  private final Map<Customer, Integer> position = new IdentityHashMap<>(); // directory order; records hash slowly
  // Header fields repeat across the messages of a breach (the same correspondents): parse each once.
  private final Map<String, List<String>> parsedFields = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
      return size() > 10_000;
    }
  };

  public Attributor(CustomerDirectory directory, List<String> internalDomains) {
    this.customers = directory.customers();
    this.internalDomains = new java.util.HashSet<>(internalDomains.stream().map(d -> d.strip().toLowerCase(Locale.ROOT)).toList());
    for (Customer c : customers) {
      position.put(c, position.size());
      c.domains().forEach(d -> index(byDomain, d, c));
      c.contacts().forEach(a -> index(byContact, a, c));
      c.accounts().forEach(a -> index(byAccount, a, c));
    }
  }

  private static void index(Map<String, List<Customer>> index, String key, Customer c) {
    List<Customer> list = index.computeIfAbsent(key, k -> new ArrayList<>());
    if (list.stream().noneMatch(known -> known == c)) {
      list.add(c);
    }
  }

  /**
   * The customers of one secret, in directory order.
   *
   * @param messages the correspondents of every message carrying it
   * @param accounts the accounts it names ({@code aws:…}, {@code host:…})
   */
  public List<Attribution> attribute(List<Participants> messages, List<String> accounts) {
    Map<Customer, EnumSet<Role>> roles = new IdentityHashMap<>();
    Map<Customer, Set<String>> evidence = new IdentityHashMap<>();
    for (String account : accounts) {
      String lower = account.toLowerCase(Locale.ROOT);
      List<Customer> owners = new ArrayList<>(byAccount.getOrDefault(lower, List.of()));
      if (lower.startsWith("host:") && !isInternal(lower.substring(5))) {
        owners.addAll(domainOwners(lower.substring(5)));
      }
      for (Customer c : owners) {
        add(roles, evidence, c, Role.ACCOUNT, "secret names " + account);
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
    for (Map.Entry<Customer, EnumSet<Role>> e : roles.entrySet()) {
      attributions.add(new Attribution(e.getKey(), e.getValue(), List.copyOf(evidence.get(e.getKey()))));
    }
    attributions.sort(java.util.Comparator.comparingInt(a -> position.get(a.customer())));
    return attributions;
  }

  private void addresses(String field, Role role, Map<Customer, EnumSet<Role>> roles, Map<Customer, Set<String>> evidence) {
    if (field == null || field.isBlank()) {
      return;
    }
    for (String address : parsedFields.computeIfAbsent(field, Attributor::addressesOf)) {
      String domain = address.substring(address.lastIndexOf('@') + 1);
      if (isInternal(domain)) {
        continue;
      }
      Set<Customer> owners = new LinkedHashSet<>(domainOwners(domain));
      owners.addAll(byContact.getOrDefault(address, List.of()));
      for (Customer c : owners) {
        add(roles, evidence, c, role, role.label() + " " + address);
      }
    }
  }

  /** The customers owning {@code domain} or a parent domain of it, looked up suffix by suffix. */
  private List<Customer> domainOwners(String domain) {
    List<Customer> owners = new ArrayList<>();
    for (String suffix = domain; ; suffix = suffix.substring(suffix.indexOf('.') + 1)) {
      owners.addAll(byDomain.getOrDefault(suffix, List.of()));
      if (suffix.indexOf('.') < 0) {
        return owners;
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
    for (String suffix = domain; ; suffix = suffix.substring(suffix.indexOf('.') + 1)) {
      if (internalDomains.contains(suffix)) {
        return true;
      }
      if (suffix.indexOf('.') < 0) {
        return false;
      }
    }
  }

  private static void add(Map<Customer, EnumSet<Role>> roles, Map<Customer, Set<String>> evidence, Customer c, Role role,
      String why) {
    roles.computeIfAbsent(c, k -> EnumSet.noneOf(Role.class)).add(role);
    evidence.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(why);
  }
}
