package dev.mailleaks.testdata;

import dev.mailleaks.testdata.FakeSecrets.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * customers/: an mbox of mail between the breached company ({@code company.example}, internal) and its customers,
 * the customer directory {@code customers.csv}, and the attribution a notification must make,
 * {@code expected/attribution.tsv} (customer_id, fingerprint, roles).
 */
final class CustomerFixtures extends FixtureFamily {
  static final String SOURCE = "customers/customers.mbox";
  private final List<byte[]> chunks = new ArrayList<>();
  private final List<String> attribution = new ArrayList<>();
  private int count;
  private String part;

  CustomerFixtures(Path out, FakeSecrets secrets, Expectations exp) {
    super(out, secrets, exp, 505, ZonedDateTime.parse("2023-06-01T08:00:00Z"));
  }

  @Override
  void generate() throws IOException {
    // 1. A customer sends its AWS keys to support: sent by the customer.
    Secret acmeKey = secrets.awsSecretAccessKey("aws_secret_access_key = ");
    int m1 = add("Ann Admin <ann@acme.example>", "support@company.example", "", "",
        "Here is the key of our backup user, as requested:\n" + acmeKey.text());
    exp.plant(SOURCE, m1, part, acmeKey, "customer sends a key: acme sent-by");
    attribute("acme", acmeKey, "sent-by");

    // 2. Support writes to a customer, another one copied; the URL names the customer's host.
    Secret globexDb = secrets.basicAuthUrl("reporting", "db.globex.example/reports/");
    int m2 = add("Support <support@company.example>", "IT <it@globex.example>", "CTO <cto@acme.example>", "",
        "The reporting endpoint is " + globexDb.text() + " until the migration ends.");
    exp.plant(SOURCE, m2, part, globexDb, "support writes to globex, acme copied; host in globex's domain");
    attribute("globex", globexDb, "account;sent-to");
    attribute("acme", globexDb, "copied");

    // 3. A subdomain sends, the Reply-To is the customer's main domain.
    Secret slack = secrets.slackBotToken();
    int m3 = add("Initech Alerts <noreply@alerts.initech.example>", "support@company.example", "",
        "admin@initech.example", "Our bot token for the shared channel: " + slack.text());
    exp.plant(SOURCE, m3, part, slack, "subdomain sender and Reply-To: initech sent-by");
    attribute("initech", slack, "sent-by");

    // 4. The same token forwarded by another customer: one secret, two occurrences, two customers.
    int m4 = add("Ann Admin <ann@acme.example>", "support@company.example", "", "",
        "We received this from Initech, is it theirs?\n> Our bot token for the shared channel: " + slack.text());
    exp.plantAgain(SOURCE, m4, part, slack, "the same token again, forwarded by acme");
    attribute("acme", slack, "sent-by");

    // 5. An access key id from an unknown address; the AWS account it encodes is Umbrella's.
    Secret umbrellaKeyId = secrets.awsAccessKeyId();
    int m5 = add("someone@freemail.example", "support@company.example", "", "",
        "Found this key id in a public bucket listing: " + umbrellaKeyId.text());
    exp.plant(SOURCE, m5, part, umbrellaKeyId, "only the account the key names ties it to umbrella");
    attribute("umbrella", umbrellaKeyId, "account");

    // 6. Internal mail only: no customer; a customer row wrongly listing the internal domain gets nothing.
    Secret internal = secrets.labelledPassword("password: ");
    int m6 = add("Support <support@company.example>", "helpdesk@company.example", "", "",
        "The admin console " + internal.text());
    exp.plant(SOURCE, m6, part, internal, "internal mail: unattributed");

    write(SOURCE, concat(chunks));
    String csv = "customer_id,customer_name,domains,contacts,accounts\n"
        + "acme,Acme Corp,acme.example,security@acme.example;ann@acme.example,\n"
        + "globex,\"Globex, Inc.\",globex.example,it@globex.example,\n"
        + "initech,Initech,initech.example,admin@initech.example,\n"
        + "umbrella,Umbrella Ltd,umbrella.example,sec@umbrella.example," + awsAccountId(umbrellaKeyId.value()) + "\n"
        + "wrongco,Misconfigured Co,company.example,it@company.example,\n";
    write("customers/customers.csv", csv.getBytes(StandardCharsets.UTF_8));
    exp.error("customers/customers.csv", "-", "-", "unsupported-input", "the customer directory: not mail");
    StringBuilder tsv = new StringBuilder("customer_id\tfingerprint\troles\n");
    attribution.forEach(row -> tsv.append(row).append('\n'));
    Files.createDirectories(out.resolve("expected"));
    Files.writeString(out.resolve("expected/attribution.tsv"), tsv, StandardCharsets.UTF_8);
  }

  private void attribute(String customer, Secret secret, String roles) {
    attribution.add(customer + "\t" + secret.fingerprint() + "\t" + roles);
  }

  private int add(String from, String to, String cc, String replyTo, String body) {
    List<String> h = headers(from, to, "Ticket " + (count + 1));
    if (!cc.isEmpty()) h.add("Cc: " + cc);
    if (!replyTo.isEmpty()) h.add("Reply-To: " + replyTo);
    Mime message = Mime.text("Hello,\n\n" + DISCLAIMER + "\n\n" + body + "\n\nRegards\n").asMessage(h);
    part = message.path();
    chunks.add(Encoders.utf8(fromLine(from.replaceAll(".*<|>.*", "")) + "\n"));
    chunks.add(message.render());
    chunks.add(Encoders.utf8("\n"));
    return ++count;
  }

  /** The 12-digit AWS account id an access key id encodes (the oracle of the attribution test). */
  static String awsAccountId(String keyId) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    java.math.BigInteger bits = java.math.BigInteger.ZERO;
    for (char c : keyId.substring(4).toCharArray()) {
      bits = bits.shiftLeft(5).or(java.math.BigInteger.valueOf(alphabet.indexOf(c)));
    }
    long first6Bytes = bits.shiftRight(80 - 48).longValueExact();
    return String.format(Locale.ROOT, "%012d", (first6Bytes & 0x7fffffffff80L) >>> 7);
  }
}
