package dev.mailleaks.customers;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The customers file: CSV with a header line and the columns {@code customer_id}, {@code customer_name},
 * {@code domains} and {@code contacts} (both {@code ;}-separated), and optionally {@code accounts}. Every problem
 * is reported with its line number, all at once, so that a responder fixes the file in one go.
 */
public final class CustomerDirectory {
  static final List<String> REQUIRED = List.of("customer_id", "customer_name", "domains", "contacts");
  private static final Pattern DOMAIN = Pattern.compile("(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]*[a-z0-9]");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s;,<>]+@[^@\\s;,<>]+\\.[^@\\s;,<>]+");
  private static final Pattern AWS_ACCOUNT = Pattern.compile("\\d{12}");

  private final List<Customer> customers;

  private CustomerDirectory(List<Customer> customers) {
    this.customers = List.copyOf(customers);
  }

  public static CustomerDirectory of(List<Customer> customers) {
    return new CustomerDirectory(customers);
  }

  public List<Customer> customers() {
    return customers;
  }

  public static CustomerDirectory read(Path file) throws IOException, CustomerFileException {
    List<String> problems = new ArrayList<>();
    List<Customer> customers = new ArrayList<>();
    String name = file.getFileName().toString();
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
        .setIgnoreEmptyLines(true).get();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, format)) {
      List<String> header = parser.getHeaderNames().stream().map(h -> h.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT)).toList();
      List<String> missing = REQUIRED.stream().filter(c -> !header.contains(c)).toList();
      if (!missing.isEmpty()) {
        throw new CustomerFileException(List.of(name + ":1: missing column" + (missing.size() > 1 ? "s " : " ")
            + String.join(", ", missing) + " (the header must name " + String.join(", ", REQUIRED) + ")"));
      }
      Set<String> ids = new HashSet<>();
      for (CSVRecord record : parser) {
        long line = parser.getCurrentLineNumber();
        String where = name + ":" + line + ": ";
        if (!record.isConsistent()) {
          problems.add(where + record.size() + " fields where the header has " + header.size());
          continue;
        }
        String id = field(record, header, "customer_id");
        String customerName = field(record, header, "customer_name");
        if (id.isEmpty()) {
          problems.add(where + "empty customer_id");
        } else if (!ids.add(id)) {
          problems.add(where + "customer_id " + id + " appears twice");
        }
        List<String> domains = list(field(record, header, "domains"));
        for (String domain : domains) {
          if (!DOMAIN.matcher(domain).matches()) {
            problems.add(where + "'" + domain + "' is not a domain name (write example.com, not a URL or an address)");
          }
        }
        List<String> contacts = list(field(record, header, "contacts"));
        for (String contact : contacts) {
          if (!EMAIL.matcher(contact).matches()) {
            problems.add(where + "contact '" + contact + "' is not an email address");
          }
        }
        if (domains.isEmpty() && contacts.isEmpty()) {
          problems.add(where + "customer " + id + " has neither domains nor contacts: nothing can be attributed to it");
        }
        List<String> accounts = list(header.contains("accounts") ? field(record, header, "accounts") : "").stream()
            .map(a -> AWS_ACCOUNT.matcher(a).matches() ? "aws:" + a : a).toList();
        customers.add(new Customer(id, customerName, domains, contacts, accounts));
      }
    } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
      // commons-csv reports malformed quoting this way, with the position in its message
      problems.add(name + ": not readable as CSV: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
    }
    if (!problems.isEmpty()) {
      throw new CustomerFileException(problems);
    }
    return new CustomerDirectory(customers);
  }

  private static String field(CSVRecord record, List<String> header, String column) {
    return record.get(header.indexOf(column)).strip();
  }

  private static List<String> list(String joined) {
    return Arrays.stream(joined.split(";")).map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
  }
}
