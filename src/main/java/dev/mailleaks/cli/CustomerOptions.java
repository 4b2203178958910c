package dev.mailleaks.cli;

import dev.mailleaks.customers.Attributor;
import dev.mailleaks.customers.CustomerDirectory;
import dev.mailleaks.customers.CustomerFileException;
import java.io.IOException;
import java.io.PrintWriter;
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

  /** The customers file could not be used; what was wrong is already printed. */
  static final class Unusable extends Exception {
    Unusable() {
      super(null, null, false, false);
    }
  }

  /**
   * The attributor, or null when no customer file was given.
   *
   * @throws Unusable after printing every problem of the file to {@code err}
   */
  Attributor attributor(PrintWriter err) throws Unusable {
    if (customers == null) {
      return null;
    }
    try {
      return new Attributor(CustomerDirectory.read(customers), internalDomains);
    } catch (CustomerFileException e) {
      err.println("mailleaks: the customers file cannot be used:");
      e.problems().forEach(p -> err.println("  " + p));
    } catch (IOException e) {
      err.println("mailleaks: cannot read " + customers + ": " + e.getMessage());
    }
    throw new Unusable();
  }
}
