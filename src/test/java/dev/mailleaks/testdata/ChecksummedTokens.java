package dev.mailleaks.testdata;

import dev.mailleaks.rules.Validator;
import java.util.random.RandomGenerator;

/**
 * Fake tokens whose built-in checks pass, so that rules with a {@code validator:} report them: GitHub and npm
 * tokens with a correct CRC32 checksum, AWS key ids that encode a possible account id. Used by {@link FakeSecrets}
 * and to write rule examples; run {@code main} with tokens to print each with its checksum or account field
 * repaired (the random part kept).
 */
public final class ChecksummedTokens {
  static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  /** Fifth characters of key ids that encode an account id of at most 12 digits whatever follows (Q-Z, 2-5). */
  static final String ACCOUNT_FORMAT_FIRST = "QRSTUVWXYZ2345";

  private ChecksummedTokens() {}

  /** {@code prefix} (ghp_, gho_, ..., npm_) + 30 random base62 characters + their CRC32 checksum. */
  public static String crc32Token(String prefix, RandomGenerator rnd) {
    return withChecksum(prefix + random(ALNUM, 30, rnd));
  }

  /** The token with its last 6 characters replaced by the checksum of the 30 before them. */
  public static String withChecksum(String token) {
    int underscore = token.indexOf('_');
    String body = token.substring(underscore + 1, underscore + 31);
    return token.substring(0, underscore + 1) + body + Validator.Crc32Base62.of(body);
  }

  /** {@code prefix} (AKIA, ASIA, ...) + 16 base32 characters encoding a possible account id. */
  public static String awsKeyId(String prefix, RandomGenerator rnd) {
    return prefix + random(ACCOUNT_FORMAT_FIRST, 1, rnd) + random(BASE32, 15, rnd);
  }

  /** The key id with its fifth character moved into the account-id format if it is not a possible one. */
  public static String withPossibleAccount(String keyId) {
    char fifth = keyId.charAt(4);
    if (fifth == 'I' || fifth == 'J' || ACCOUNT_FORMAT_FIRST.indexOf(fifth) >= 0) {
      return keyId;
    }
    return keyId.substring(0, 4) + ACCOUNT_FORMAT_FIRST.charAt(BASE32.indexOf(fifth) % ACCOUNT_FORMAT_FIRST.length())
        + keyId.substring(5);
  }

  static String random(String alphabet, int n, RandomGenerator rnd) {
    char[] c = new char[n];
    for (int i = 0; i < n; i++) c[i] = alphabet.charAt(rnd.nextInt(alphabet.length()));
    return new String(c);
  }

  /** Prints each argument repaired: a GitHub/npm token gets its checksum, an AWS key id a possible account. */
  public static void main(String[] args) {
    for (String token : args) {
      System.out.println(token.matches("A[A-Z]{3}[A-Z2-7]{16}") ? withPossibleAccount(token) : withChecksum(token));
    }
  }
}
