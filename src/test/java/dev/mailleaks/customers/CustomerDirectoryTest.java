package dev.mailleaks.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomerDirectoryTest {
  @TempDir Path dir;

  @Test
  void readsCustomersWithListsAndOptionalAccounts() throws Exception {
    Path file = write("\uFEFFcustomer_id,customer_name,domains,contacts,accounts\n"
        + "C1,\"Acme, Inc.\",acme.example; ACME.co.example,it@acme.example;sec@acme.example,609629065308;tenant-7\n"
        + "\n"
        + "C2,Globex,globex.example,,\n");
    CustomerDirectory directory = CustomerDirectory.read(file);
    assertThat(directory.customers()).hasSize(2);
    Customer acme = directory.customers().get(0);
    assertThat(acme.name()).isEqualTo("Acme, Inc.");
    assertThat(acme.domains()).containsExactly("acme.example", "acme.co.example");
    assertThat(acme.contacts()).containsExactly("it@acme.example", "sec@acme.example");
    assertThat(acme.accounts()).containsExactly("aws:609629065308", "tenant-7");
    assertThat(directory.customers().get(1).contacts()).isEmpty();
  }

  @Test
  void everyProblemIsReportedWithItsLineNumber() throws IOException {
    Path file = write("customer_id,customer_name,domains,contacts\n"
        + "C1,Acme,https://acme.example/,it@acme.example\n"
        + "C1,Again,again.example,not-an-address\n"
        + ",Nameless,x.example,a@x.example\n"
        + "C4,Empty,,\n"
        + "C5,Short\n");
    CustomerFileException e = catchThrowableOfType(() -> CustomerDirectory.read(file), CustomerFileException.class);
    assertThat(e.problems()).containsExactly(
        "customers.csv:2: 'https://acme.example/' is not a domain name (write example.com, not a URL or an address)",
        "customers.csv:3: customer_id C1 appears twice",
        "customers.csv:3: contact 'not-an-address' is not an email address",
        "customers.csv:4: empty customer_id",
        "customers.csv:5: customer C4 has neither domains nor contacts: nothing can be attributed to it",
        "customers.csv:6: 2 fields where the header has 4");
  }

  @Test
  void aMissingColumnIsNamed() throws IOException {
    Path file = write("id,name,domains\nC1,Acme,acme.example\n");
    CustomerFileException e = catchThrowableOfType(() -> CustomerDirectory.read(file), CustomerFileException.class);
    assertThat(e.problems()).singleElement().asString()
        .startsWith("customers.csv:1: missing columns customer_id, customer_name, contacts");
  }

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("customers.csv"), text);
  }
}
