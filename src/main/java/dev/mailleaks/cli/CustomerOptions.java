package dev.mailleaks.cli;

import dev.mailleaks.customers.Attributor;
import dev.mailleaks.customers.CustomerDirectory;
import dev.mailleaks.customers.CustomerFileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The customer directory and internal domains that attribute secrets to customers. */
final class CustomerOptions {
  @Option(names = "--customers", paramLabel = "FILE",
      description = "Customers CSV: customer_id, customer_name, domains and contacts (;-separated), optional accounts.")
  Path customers;

  @Option(names = "--internal-domain", paramLabel = "DOMAIN",
      description = "A domain of the breached company itself (repeatable): never attributed to a customer.")
  List<String> internalDomains = new ArrayList<>();

  /** The attributor, or null when no customer file was given. */
  Attributor attributor() throws IOException, CustomerFileException {
    return customers == null ? null : new Attributor(CustomerDirectory.read(customers), internalDomains);
  }
}
