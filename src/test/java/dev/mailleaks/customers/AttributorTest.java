package dev.mailleaks.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AttributorTest {
  private static final Customer ACME = new Customer("C1", "Acme", List.of("acme.example"), List.of("it@acme.example"),
      List.of("aws:609629065308"));
  private static final Customer GLOBEX = new Customer("C2", "Globex", List.of("globex.example"), List.of(), List.of());
  private static final Customer PARTNER = new Customer("C3", "Partner", List.of("corp.example"), List.of(), List.of());
  private final Attributor attributor =
      new Attributor(CustomerDirectory.of(List.of(ACME, GLOBEX, PARTNER)), List.of("corp.example"));

  @Test
  void senderRecipientAndCopyAreRecordedAsRoles() {
    List<Attribution> found = attributor.attribute(List.of(new Participants("Ann <ann@acme.example>", "", "",
        "Bob <bob@corp.example>, \"Globex, IT\" <it@globex.example>", "ops@mail.globex.example")), List.of());
    assertThat(found).extracting(a -> a.customer().id()).containsExactly("C1", "C2");
    assertThat(found.get(0).roles()).containsExactly(Role.SENT_BY);
    assertThat(found.get(1).roles()).containsExactlyInAnyOrder(Role.SENT_TO, Role.COPIED);
    assertThat(found.get(1).roleLabels()).isEqualTo("sent-to;copied");
  }

  @Test
  void subdomainsBelongToTheCustomerButLookalikesDoNot() {
    assertThat(attributor.attribute(List.of(new Participants("x@mail.eu.acme.example", "", "", "", "")), List.of()))
        .extracting(a -> a.customer().id()).containsExactly("C1");
    assertThat(attributor.attribute(List.of(new Participants("x@evilacme.example", "", "", "", "")), List.of())).isEmpty();
    assertThat(attributor.attribute(List.of(), List.of("host:acme.example.evil.example"))).isEmpty();
  }

  @Test
  void internalDomainsAreNeverCustomersEvenWhenListed() {
    assertThat(attributor.attribute(List.of(new Participants("a@corp.example", "", "", "b@dev.corp.example", "")),
        List.of())).isEmpty();
  }

  @Test
  void senderAndReplyToCountAsSentBy() {
    assertThat(attributor.attribute(List.of(new Participants("noreply@saas.example", "ann@acme.example",
        "help@globex.example", "", "")), List.of()))
        .allSatisfy(a -> assertThat(a.roles()).containsExactly(Role.SENT_BY)).hasSize(2);
  }

  @Test
  void anAccountTheSecretNamesIsTheStrongestEvidence() {
    List<Attribution> found = attributor.attribute(
        List.of(new Participants("x@globex.example", "", "", "", "")), List.of("aws:609629065308", "host:db.globex.example"));
    assertThat(found).extracting(a -> a.customer().id()).containsExactly("C1", "C2");
    assertThat(found.get(0).strongest()).isEqualTo(Role.ACCOUNT);
    assertThat(found.get(0).evidence()).containsExactly("secret names aws:609629065308");
    assertThat(found.get(1).roles()).containsExactlyInAnyOrder(Role.ACCOUNT, Role.SENT_BY);
  }

  @Test
  void aHostInAnInternalDomainIsNoCustomersAccount() {
    assertThat(attributor.attribute(List.of(), List.of("host:db.corp.example"))).isEmpty();
  }

  @Test
  void customersComeInDirectoryOrderWhateverTheOrderOfEvidence() {
    assertThat(attributor.attribute(List.of(new Participants("x@globex.example", "", "", "y@acme.example", "")), List.of()))
        .extracting(a -> a.customer().id()).containsExactly("C1", "C2");
  }

  @Test
  void aContactAddressOutsideTheCustomersDomainsCounts() {
    Customer freelancer = new Customer("C9", "Freelancer", List.of(), List.of("jo@mail.example"), List.of());
    Attributor withContact = new Attributor(CustomerDirectory.of(List.of(freelancer)), List.of());
    assertThat(withContact.attribute(List.of(new Participants("Jo <JO@mail.example>", "", "", "", "")), List.of()))
        .extracting(a -> a.customer().id()).containsExactly("C9");
  }

  @Test
  void unparseableAddressFieldsAttributeNothingAndDoNotFail() {
    assertThat(attributor.attribute(List.of(new Participants("<<<", "", "", "undisclosed-recipients:;", "")), List.of()))
        .isEmpty();
  }
}
