package dev.mailleaks.testdata;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Every planted secret value of the fixtures. All values are FAKE: random-looking strings in the shape of real
 * credentials, drawn from one seeded {@link Random} so that the generator is deterministic. Every call returns a
 * value never returned before.
 *
 * <p>Each method returns a {@link Secret}: the rule id, the value the scanner must report (its fingerprint is the
 * SHA-256 of it) and {@code text}, the smallest snippet that carries the value with the context its rule needs
 * (a label, a URI around a password, ...). Fixtures embed {@code text} in their prose.
 */
final class FakeSecrets {

  static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  static final String DIGITS = "0123456789";
  static final String ALNUM = UPPER + LOWER + DIGITS;
  static final String BASE32 = UPPER + "234567";
  static final String BASE64 = ALNUM + "+/";
  static final String BASE64URL = ALNUM + "-_";
  static final String UPPER_DIGITS = UPPER + DIGITS;
  /** Punctuation allowed inside labelled passwords (no quotes, no '=', '#', '&', '%', ';', ','). */
  static final String PUNCT = "!*+-?^_~";

  /** Substrings a scanner may treat as placeholders: never part of a planted value. */
  private static final List<String> FORBIDDEN =
      List.of("example", "xxxx", "test", "fake", "dummy", "sample", "changeme", "placeholder", "secret",
          "password", "redacted", "000000", "123456", "abcdef", "your", "token");

  /** A planted secret: its rule, the value to report, and a snippet of text carrying it. */
  record Secret(String ruleId, String value, String text) {
    String fingerprint() {
      return sha256(value);
    }
  }

  private final Random rnd;
  private final Set<String> issued = new HashSet<>();

  FakeSecrets(long seed) {
    this.rnd = new Random(seed);
  }

  // ---------------------------------------------------------------- cloud and SaaS tokens

  Secret awsAccessKeyId() {
    String v = unique(() -> ChecksummedTokens.withPossibleAccount("AKIA" + random(BASE32, 16)));
    return new Secret("aws.access-key-id", v, v);
  }

  /** {@code label} is e.g. "aws_secret_access_key = " or "AWS secret access key: ". */
  Secret awsSecretAccessKey(String label) {
    String v = unique(() -> random(ALNUM, 1) + random(BASE64, 38) + random(ALNUM, 1));
    return new Secret("aws.secret-access-key", v, label + v);
  }

  Secret githubClassicToken() {
    String v = unique(() -> ChecksummedTokens.withChecksum("ghp_" + random(ALNUM, 36)));
    return new Secret("github.classic-token", v, v);
  }

  Secret githubFineGrainedToken() {
    String v = unique(() -> "github_pat_" + random(UPPER_DIGITS, 22) + "_" + random(ALNUM, 59));
    return new Secret("github.fine-grained-token", v, v);
  }

  Secret gitlabToken() {
    String v = unique(() -> "glpat-" + random(BASE64URL, 19) + random(ALNUM, 1));
    return new Secret("gitlab.token", v, v);
  }

  /** A GitLab token guaranteed to contain '_' (to exercise RFC 2047 Q encoding, where '_' means space). */
  Secret gitlabTokenWithUnderscore() {
    String v = unique(() -> "glpat-" + random(ALNUM, 6) + "_" + random(BASE64URL, 12) + random(ALNUM, 1));
    return new Secret("gitlab.token", v, v);
  }

  Secret slackBotToken() {
    String v = unique(() -> "xoxb-" + random(DIGITS, 11) + "-" + random(DIGITS, 13) + "-" + random(ALNUM, 24));
    return new Secret("slack.token", v, v);
  }

  /** The secret is the credential path after {@code services/}; the URL's prefix is public. */
  Secret slackWebhook() {
    String path = unique(() -> "T" + random(UPPER_DIGITS, 8) + "/B" + random(UPPER_DIGITS, 10) + "/" + random(ALNUM, 24));
    return new Secret("slack.webhook", path, "https://hooks.slack.com/services/" + path);
  }

  Secret stripeKey() {
    String v = unique(() -> "sk_live_" + random(ALNUM, 24 + rnd.nextInt(11)));
    return new Secret("stripe.api-key", v, v);
  }

  Secret googleApiKey() {
    String v = unique(() -> "AIza" + random(BASE64URL, 34) + random(ALNUM, 1));
    return new Secret("google.api-key", v, v);
  }

  Secret sendgridKey() {
    String v = unique(() -> "SG." + random(BASE64URL, 21) + random(ALNUM, 1) + "."
        + random(BASE64URL, 42) + random(ALNUM, 1));
    return new Secret("sendgrid.api-key", v, v);
  }

  Secret npmToken() {
    String v = unique(() -> ChecksummedTokens.withChecksum("npm_" + random(ALNUM, 36)));
    return new Secret("npm.access-token", v, v);
  }

  Secret jwt() {
    String header = b64url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
    String v = unique(() -> {
      String payload = "{\"sub\":\"svc-" + random(LOWER + DIGITS, 8) + "\",\"iss\":\"fixture-issuer\",\"iat\":"
          + (1704067200 + rnd.nextInt(86400 * 30)) + ",\"jti\":\"" + random(LOWER + DIGITS, 16) + "\"}";
      return header + "." + b64url(payload) + "." + random(BASE64URL, 42) + random(ALNUM, 1);
    });
    return new Secret("jwt", v, v);
  }

  Secret azureStorageKey() {
    String v = unique(() -> {
      String k = Base64.getEncoder().encodeToString(bytes(64));
      return Character.isLetterOrDigit(k.charAt(0)) ? k : null;
    });
    String account = "acme" + random(LOWER + DIGITS, 8);
    return new Secret("azure.storage-account-key", v, "DefaultEndpointsProtocol=https;AccountName=" + account
        + ";AccountKey=" + v + ";EndpointSuffix=core.windows.net");
  }

  /** SAS URL; the value is the sig parameter exactly as written (URL-encoded). */
  Secret azureSasToken() {
    String v = unique(() -> URLEncoder.encode(Base64.getEncoder().encodeToString(bytes(32)), StandardCharsets.UTF_8));
    String account = "acme" + random(LOWER + DIGITS, 8);
    String url = "https://" + account + ".blob.core.windows.net/backups/db-dump.sql.gz?sv=2022-11-02&ss=b&srt=o"
        + "&sp=rl&se=2030-12-31T23:59:59Z&st=2024-01-01T00:00:00Z&spr=https&sig=" + v;
    return new Secret("azure.sas-token", v, url);
  }

  // ---------------------------------------------------------------- private keys (whole block, \n line ends)

  Secret rsaPrivateKey() {
    String v = unique(() -> {
      byte[] der = bytes(10 * 48 - 12);
      // SEQUENCE of 476 bytes: exactly the rest of the body, as the pem-private-key validator checks
      byte[] head = {0x30, (byte) 0x82, 0x01, (byte) 0xdc, 0x02, 0x01, 0x00, 0x02, (byte) 0x82, 0x01, 0x01, 0x00};
      byte[] all = new byte[head.length + der.length];
      System.arraycopy(head, 0, all, 0, head.length);
      System.arraycopy(der, 0, all, head.length, der.length);
      return "-----BEGIN RSA PRIVATE KEY-----\n" + wrap(Base64.getEncoder().encodeToString(all), 64)
          + "-----END RSA PRIVATE KEY-----";
    });
    return new Secret("private-key.pem", v, v);
  }

  Secret opensshPrivateKey() {
    String v = unique(() -> {
      byte[] magic = "openssh-key-v1\0\0\0\0\4none\0\0\0\4none\0\0\0\0\0\0\0\1\0\0\0\63\0\0\0\13ssh-ed25519"
          .getBytes(StandardCharsets.ISO_8859_1);
      byte[] rest = bytes(280);
      byte[] all = new byte[magic.length + rest.length];
      System.arraycopy(magic, 0, all, 0, magic.length);
      System.arraycopy(rest, 0, all, magic.length, rest.length);
      return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + wrap(Base64.getEncoder().encodeToString(all), 70)
          + "-----END OPENSSH PRIVATE KEY-----";
    });
    return new Secret("private-key.openssh", v, v);
  }

  Secret pgpPrivateKey() {
    String v = unique(() -> {
      byte[] body = bytes(420);
      body[0] = (byte) 0x95;
      body[1] = 0x03;
      body[2] = (byte) 0x98;
      String crc = Base64.getEncoder().encodeToString(bytes(3));
      return "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n" + wrap(Base64.getEncoder().encodeToString(body), 64)
          + "=" + crc + "\n-----END PGP PRIVATE KEY BLOCK-----";
    });
    return new Secret("private-key.pgp", v, v);
  }

  // ---------------------------------------------------------------- URIs: the value is the password only

  Secret postgresUri() {
    String p = uriPassword();
    return new Secret("db.postgres-uri", p, "postgres://orders_app:" + p + "@db-orders.acme.internal:5432/orders");
  }

  /** A Postgres URI whose password holds '&' (legal in userinfo), to be written as &amp;amp; in HTML. */
  Secret postgresUriWithAmpersand() {
    String p = unique(() -> random(ALNUM, 7) + "&" + random(ALNUM, 8) + random(DIGITS, 1));
    return new Secret("db.postgres-uri", p, "postgres://orders_app:" + p + "@db-orders.acme.internal:5432/orders");
  }

  Secret mysqlUri() {
    String p = uriPassword();
    return new Secret("db.mysql-uri", p, "mysql://shop:" + p + "@mysql-shop.acme.internal:3306/shop");
  }

  Secret mongodbUri() {
    String p = uriPassword();
    return new Secret("db.mongodb-uri", p,
        "mongodb+srv://analytics:" + p + "@cluster0.q7w2k.mongodb.net/events?retryWrites=true&w=majority");
  }

  Secret redisUri() {
    String p = uriPassword();
    return new Secret("db.redis-uri", p, "redis://default:" + p + "@cache.acme.internal:6379/0");
  }

  Secret amqpUri() {
    String p = uriPassword();
    return new Secret("db.amqp-uri", p, "amqps://svc-billing:" + p + "@rabbit.acme.internal:5671/billing");
  }

  Secret jdbcUrl() {
    String p = uriPassword();
    return new Secret("db.jdbc-url", p,
        "jdbc:mysql://erp_batch:" + p + "@mysql-erp.acme.internal:3306/erp?useSSL=true");
  }

  /** https URL with user:password; {@code hostAndPath} like "ci.acme.internal/job/deploy/". */
  Secret basicAuthUrl(String user, String hostAndPath) {
    String p = uriPassword();
    return new Secret("url.basic-auth", p, "https://" + user + ":" + p + "@" + hostAndPath);
  }

  // ---------------------------------------------------------------- labelled passwords

  /** {@code label} like "password: ", "Passwort: ", "pwd=". */
  Secret labelledPassword(String label) {
    String v = unique(() -> {
      int len = 12 + rnd.nextInt(9);
      StringBuilder sb = new StringBuilder(random(ALNUM, 1));
      for (int i = 1; i < len - 1; i++) {
        sb.append(rnd.nextInt(6) == 0 ? random(PUNCT, 1) : random(ALNUM, 1));
      }
      sb.append(random(DIGITS, 1));
      return sb.toString();
    });
    return new Secret("password.labelled", v, label + v);
  }

  // ---------------------------------------------------------------- second factors and disk recovery

  /** Eight blocks of six digits, each eleven times a 16-bit word, as BitLocker checks them. */
  Secret bitlockerRecoveryPassword() {
    String v = unique(() -> {
      StringBuilder sb = new StringBuilder();
      for (int block = 0; block < 8; block++) {
        sb.append(block == 0 ? "" : "-").append(String.format(Locale.ROOT, "%06d", 11 * rnd.nextInt(65536)));
      }
      return sb.toString();
    });
    return new Secret("mail.bitlocker-recovery-password", v, "BitLocker recovery key: " + v);
  }

  /** A TOTP seed (32 base32 characters, at least one digit) in the otpauth:// URI of a QR code. */
  Secret totpSeedUri(String account) {
    String v = unique(() -> random(BASE32, 31) + random("234567", 1));
    return new Secret("mail.totp-seed-uri", v, "otpauth://totp/ACME:" + account + "?secret=" + v + "&issuer=ACME");
  }

  /** A password in helpdesk phrasing: "your password has been reset to X". */
  Secret resetPassword() {
    Secret labelled = labelledPassword("");
    return new Secret("mail.password-set-to", labelled.value(), "your password has been reset to " + labelled.value());
  }

  // ---------------------------------------------------------------- non-secret noise (not registered)

  /** Random characters for DKIM signatures, Message-IDs and the like: must never match a rule. */
  String noise(String alphabet, int len) {
    while (true) {
      String s = random(alphabet, len);
      String l = s.toLowerCase(Locale.ROOT);
      if (!l.contains("akia") && !l.contains("aiza") && !l.contains("ghp_") && !l.contains("eyj")
          && !l.contains("xox") && !l.contains("glpat") && !l.contains("npm_") && !l.contains("sk_live")
          && !l.contains("github_pat")) {
        return s;
      }
    }
  }

  byte[] bytes(int n) {
    byte[] b = new byte[n];
    rnd.nextBytes(b);
    return b;
  }

  // ---------------------------------------------------------------- helpers

  static String sha256(String value) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String uriPassword() {
    return unique(() -> random(ALNUM, 1) + random(ALNUM + "-_", 14 + rnd.nextInt(7)) + random(ALNUM, 1));
  }

  private String random(String alphabet, int len) {
    StringBuilder sb = new StringBuilder(len);
    for (int i = 0; i < len; i++) {
      sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  private String unique(java.util.function.Supplier<String> gen) {
    while (true) {
      String v = gen.get();
      if (v == null) {
        continue;
      }
      String l = v.toLowerCase(Locale.ROOT);
      if (FORBIDDEN.stream().noneMatch(l::contains) && issued.add(v)) {
        return v;
      }
    }
  }

  private static String b64url(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Lines of {@code width} characters, each ending with \n. */
  static String wrap(String s, int width) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i += width) {
      sb.append(s, i, Math.min(s.length(), i + width)).append('\n');
    }
    return sb.toString();
  }
}
