package dev.mailleaks.findings;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The account a secret itself names, the strongest evidence of whose it is: an AWS access key id encodes its
 * AWS account id; a connection string or URL names its host or account. Account names are not secret, so they
 * may be stored and printed.
 */
public final class SecretAccounts {
  private static final Pattern AWS_KEY_ID = Pattern.compile("(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}");
  private static final Pattern AZURE_ACCOUNT = Pattern.compile("(?i)AccountName=([a-z0-9]{3,24})");
  private static final Pattern URL_HOST = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://(?:[^@/\\s]*@)?([^/:?#\\s;,]+)");
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private SecretAccounts() {}

  /**
   * The account named by a secret, or empty.
   *
   * @param accountGroup what the rule's {@code account} group matched, or empty
   */
  public static String of(String secret, String accountGroup) {
    if (!accountGroup.isEmpty()) {
      String lower = accountGroup.toLowerCase(Locale.ROOT);
      return lower.matches("[a-z0-9-]+(?:\\.[a-z0-9-]+)+") ? "host:" + lower : lower;
    }
    Matcher aws = AWS_KEY_ID.matcher(secret);
    if (aws.lookingAt()) {
      return "aws:" + awsAccountId(aws.group());
    }
    Matcher azure = AZURE_ACCOUNT.matcher(secret);
    if (azure.find()) {
      return "azure-storage:" + azure.group(1).toLowerCase(Locale.ROOT);
    }
    Matcher url = URL_HOST.matcher(secret);
    if (url.find()) {
      return "host:" + url.group(1).toLowerCase(Locale.ROOT);
    }
    return "";
  }

  /**
   * The 12-digit AWS account id encoded in an access key id (what {@code aws sts get-access-key-info} returns):
   * after the 4-character prefix the id is base32; its first 6 bytes, masked with 0x7fffffffff80 and shifted
   * right by 7, are the account id.
   */
  static String awsAccountId(String keyId) {
    long bits = 0;
    for (int i = 4; i < 14; i++) { // 10 base32 characters = 50 bits, of which the first 48 (6 bytes) hold the id
      bits = bits << 5 | BASE32.indexOf(keyId.charAt(i));
    }
    long first48 = bits >>> 2;
    long account = (first48 & 0x7fffffffff80L) >>> 7;
    return String.format(Locale.ROOT, "%012d", account);
  }
}
