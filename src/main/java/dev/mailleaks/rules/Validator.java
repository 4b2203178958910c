package dev.mailleaks.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * A built-in offline check of a matched secret's own structure (a checksum, an encoding), named in a rule file by
 * {@code validator:}. A match whose secret fails its rule's check is not reported: it has the shape of a secret
 * but could not have been issued (a typo, a made-up placeholder, a hash that happens to fit the pattern).
 */
public sealed interface Validator {
  /** The name rule files use. */
  String name();

  /** True if {@code secret} (the rule's {@code secret} group) passes the check. */
  boolean accepts(String secret);

  /** Every validator, in the order the documentation lists them. */
  List<Validator> ALL = List.of(new GithubCrc32(), new NpmCrc32(), new Luhn(), new Jwt(), new PemPrivateKey(),
      new DerPrivateKey(), new Base64Text(), new AwsAccountId(), new BitlockerRecoveryPassword(), new Pkcs12(),
      new JavaKeystore(), new KerberosKeytab());

  static Optional<Validator> named(String name) {
    return ALL.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  /**
   * GitHub's classic token formats ({@code ghp_ gho_ ghu_ ghs_ ghr_}): 30 random base62 characters, then the CRC32
   * of those 30 (prefix excluded) in base62 ({@code 0-9A-Za-z}), left-padded with '0' to 6 characters. Checked
   * against GitHub's format announcement and published expired tokens. Fine-grained {@code github_pat_} tokens
   * carry no checksum of this kind (tried on a published revoked one), so they are rejected here.
   */
  record GithubCrc32() implements Validator {
    private static final Pattern FORMAT = Pattern.compile("gh[pousr]_([A-Za-z0-9]{30})([A-Za-z0-9]{6})");

    @Override
    public String name() {
      return "github-crc32";
    }

    @Override
    public boolean accepts(String secret) {
      return Crc32Base62.matches(FORMAT.matcher(secret));
    }
  }

  /** npm's {@code npm_} tokens: the GitHub scheme, 30 random base62 characters and a 6-character CRC32. */
  record NpmCrc32() implements Validator {
    private static final Pattern FORMAT = Pattern.compile("npm_([A-Za-z0-9]{30})([A-Za-z0-9]{6})");

    @Override
    public String name() {
      return "npm-crc32";
    }

    @Override
    public boolean accepts(String secret) {
      return Crc32Base62.matches(FORMAT.matcher(secret));
    }
  }

  /** The CRC32-in-base62 checksum of GitHub and npm tokens; public so test fixtures can make valid fakes. */
  final class Crc32Base62 {
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private Crc32Base62() {}

    /** The 6-character checksum of a token's random part. */
    public static String of(String body) {
      CRC32 crc = new CRC32();
      crc.update(body.getBytes(StandardCharsets.US_ASCII));
      long value = crc.getValue();
      char[] out = new char[6];
      for (int i = 5; i >= 0; i--) {
        out[i] = ALPHABET.charAt((int) (value % 62));
        value /= 62;
      }
      return new String(out);
    }

    private static boolean matches(Matcher m) {
      return m.matches() && of(m.group(1)).equals(m.group(2));
    }
  }

  /** Payment card numbers and other Luhn-checked digit strings; spaces and dashes between digits are ignored. */
  record Luhn() implements Validator {
    @Override
    public String name() {
      return "luhn";
    }

    @Override
    public boolean accepts(String secret) {
      int sum = 0;
      int digits = 0;
      for (int i = secret.length() - 1; i >= 0; i--) {
        char c = secret.charAt(i);
        if (c == ' ' || c == '-') continue;
        if (c < '0' || c > '9') return false;
        int d = c - '0';
        if (digits++ % 2 == 1) {
          d *= 2;
          if (d > 9) d -= 9;
        }
        sum += d;
      }
      return digits >= 2 && sum % 10 == 0;
    }
  }

  /** A JSON Web Token: three base64url segments, a JSON header naming its {@code alg}, a JSON object payload. */
  record Jwt() implements Validator {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
      return "jwt";
    }

    @Override
    public boolean accepts(String secret) {
      String[] parts = secret.split("\\.", -1);
      if (parts.length != 3 || parts[2].isEmpty()) return false;
      Optional<JsonNode> header = json(parts[0]);
      Optional<JsonNode> payload = json(parts[1]);
      return header.isPresent() && header.get().isObject() && header.get().path("alg").isTextual()
          && payload.isPresent() && payload.get().isObject() && decode(parts[2], Base64.getUrlDecoder()).isPresent();
    }

    private static Optional<JsonNode> json(String segment) {
      return decode(segment, Base64.getUrlDecoder()).flatMap(bytes -> {
        try {
          return Optional.of(JSON.readTree(bytes));
        } catch (java.io.IOException e) {
          return Optional.empty();
        }
      });
    }
  }

  /**
   * A PEM or OpenSSH private key block: its base64 body decodes, and is an OpenSSH key ({@code openssh-key-v1\0}),
   * a legacy encrypted PEM body ({@code Proc-Type: 4,ENCRYPTED}, ciphertext in whole cipher blocks), or DER: a
   * SEQUENCE whose declared length is exactly the rest of the body. Understands the forms the rules match:
   * quoted, indented, flattened onto one line, or written as {@link KeyBlockText} reads it (escaped in a string, split
   * over code literals, printed into a log).
   */
  record PemPrivateKey() implements Validator {
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END ", Pattern.DOTALL);
    private static final Pattern HEADER = Pattern.compile("(?:Proc-Type|DEK-Info):[ \\t]*+[A-Za-z0-9,-]*+");
    private static final byte[] OPENSSH_MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);

    @Override
    public String name() {
      return "pem-private-key";
    }

    @Override
    public boolean accepts(String secret) {
      Matcher block = BLOCK.matcher(secret);
      if (!block.find()) return false;
      String body = KeyBlockText.asLines(block.group(2));
      boolean encrypted = body.contains("Proc-Type:") && body.contains("ENCRYPTED");
      Optional<byte[]> decoded = decodeWrapped(HEADER.matcher(body).replaceAll(""));
      if (decoded.isEmpty() || decoded.get().length < 16) return false;
      byte[] der = decoded.get();
      if (block.group(1).startsWith("OPENSSH")) {
        return Arrays.equals(der, 0, OPENSSH_MAGIC.length, OPENSSH_MAGIC, 0, OPENSSH_MAGIC.length);
      }
      if (encrypted) {
        return der.length % 8 == 0;
      }
      return isDerSequence(der);
    }

    private static boolean isDerSequence(byte[] der) {
      if ((der[0] & 0xff) != 0x30) return false;
      int first = der[1] & 0xff;
      long length;
      int header;
      if (first < 0x80) {
        length = first;
        header = 2;
      } else {
        int bytes = first & 0x7f;
        if (bytes == 0 || bytes > 4 || der.length < 2 + bytes) return false; // 0x80: indefinite, not DER
        length = 0;
        for (int i = 0; i < bytes; i++) length = length << 8 | (der[2 + i] & 0xff);
        header = 2 + bytes;
      }
      return header + length == der.length;
    }
  }

  /**
   * A private key in base64 DER without PEM armour (PKCS#1, PKCS#8, SEC1), as applications keep keys in their
   * configuration: the base64 decodes to a SEQUENCE whose declared length is exactly the rest, so a truncated or
   * made-up value fails. Line breaks and a reply's quote marks and indentation are ignored.
   */
  record DerPrivateKey() implements Validator {
    @Override
    public String name() {
      return "der-private-key";
    }

    @Override
    public boolean accepts(String secret) {
      Optional<byte[]> der = decodeWrapped(secret);
      return der.isPresent() && der.get().length >= 32 && PemPrivateKey.isDerSequence(der.get());
    }
  }

  /** Decodes as base64 (standard or URL-safe alphabet, padding optional, line breaks ignored). */
  record Base64Text() implements Validator {
    @Override
    public String name() {
      return "base64";
    }

    @Override
    public boolean accepts(String secret) {
      String compact = secret.replaceAll("\\s", "");
      if (compact.isEmpty()) return false;
      boolean urlSafe = compact.indexOf('-') >= 0 || compact.indexOf('_') >= 0;
      return decode(compact, urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).isPresent();
    }
  }

  /**
   * An AWS access key id ({@code AKIA ASIA ABIA ACCA} + 16 base32 characters) that can name a real account. Since
   * about 2019 characters 5-12 encode the account id (the first one is then {@code Q-Z} or {@code 2-7}); the id
   * decoded must be at most 12 decimal digits. Older keys start with {@code I} or {@code J} after the prefix and
   * encode nothing checkable, so they pass; any other fifth character does not occur in issued keys.
   */
  record AwsAccountId() implements Validator {
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final long MAX_ACCOUNT = 999_999_999_999L;

    @Override
    public String name() {
      return "aws-account-id";
    }

    @Override
    public boolean accepts(String secret) {
      if (secret.length() != 20) return false;
      long bits = 0;
      for (int i = 4; i < 20; i++) {
        int v = BASE32.indexOf(secret.charAt(i));
        if (v < 0) return false;
        if (i < 14) bits = bits << 5 | v; // characters 5-14: 50 bits, enough for the account field
      }
      char first = secret.charAt(4);
      if (first == 'I' || first == 'J') return true;
      if (BASE32.indexOf(first) < 16) return false;
      return account(bits) <= MAX_ACCOUNT;
    }

    /** Bits 1-40 of the decoded key id (its top bit is the format flag), as Tal Be'ery and others decoded them. */
    static long account(long fiftyBits) {
      long top48 = fiftyBits >>> 2;
      return (top48 & 0x7fff_ffff_ff80L) >>> 7;
    }
  }

  /**
   * A BitLocker recovery password: eight blocks of six digits, each block eleven times a 16-bit word of the
   * 128-bit key, so each is divisible by 11 and below 720,896 (the check the recovery screen applies as each block
   * is typed). A random block passes with odds of 65,536 in a million, eight of them about 1 in 3 billion.
   */
  record BitlockerRecoveryPassword() implements Validator {
    private static final Pattern FORMAT = Pattern.compile("\\d{6}(?:[- ]?\\d{6}){7}");

    @Override
    public String name() {
      return "bitlocker-recovery-password";
    }

    @Override
    public boolean accepts(String secret) {
      String digits = secret.replaceAll("[- ]", "");
      if (digits.length() != 48 || !FORMAT.matcher(secret).matches()) return false;
      for (int block = 0; block < 8; block++) {
        int value = Integer.parseInt(digits, block * 6, block * 6 + 6, 10);
        if (value % 11 != 0 || value / 11 > 0xFFFF) return false;
      }
      return true;
    }
  }

  /**
   * A PKCS#12 keystore (.p12/.pfx) in base64 that holds a key: the bytes are a DER SEQUENCE whose declared length
   * is exactly the rest (or a BER one of indefinite length, closed by two zero bytes), starting with version 3 and an
   * authSafe ContentInfo of type data or signedData (RFC 7292), and a key bag, shrouded key bag or secret bag is named
   * in the clear (implementations encrypt the certificates' bag, not the type of the key's). A truststore of
   * certificates only names none and is not a secret. Line breaks and a reply's quote marks and indentation are
   * ignored.
   */
  record Pkcs12() implements Validator {
    private static final byte[] PKCS7_DATA_OR_SIGNED = {0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7,
        0x0D, 0x01, 0x07};

    @Override
    public String name() {
      return "pkcs12";
    }

    @Override
    public boolean accepts(String secret) {
      Optional<byte[]> decoded = decodeWrapped(secret);
      if (decoded.isEmpty() || decoded.get().length < 32) return false;
      byte[] der = decoded.get();
      boolean indefinite = (der[1] & 0xff) == 0x80; // BER, closed by two zero bytes
      if (indefinite ? der[der.length - 1] != 0 || der[der.length - 2] != 0 : !PemPrivateKey.isDerSequence(der)) {
        return false;
      }
      int at = 2 + ((der[1] & 0xff) < 0x80 ? 0 : (der[1] & 0x7f));
      if (der[at] != 0x02 || der[at + 1] != 0x01 || der[at + 2] != 0x03 || der[at + 3] != 0x30) return false;
      int lengthByte = der[at + 4] & 0xff;
      int oid = at + 5 + (lengthByte < 0x80 ? 0 : lengthByte & 0x7f);
      int n = PKCS7_DATA_OR_SIGNED.length;
      if (oid + n + 1 > der.length || !Arrays.equals(der, oid, oid + n, PKCS7_DATA_OR_SIGNED, 0, n)) return false;
      int type = der[oid + n];
      return (type == 0x01 || type == 0x02) && holdsKeyBag(der);
    }

    /** The OID of keyBag, pkcs8ShroudedKeyBag or secretBag (1.2.840.113549.1.12.10.1.1, .2, .5) anywhere. */
    private static boolean holdsKeyBag(byte[] der) {
      int n = KEY_BAG_ARC.length;
      for (int i = 0; i + n < der.length; i++) {
        if (Arrays.equals(der, i, i + n, KEY_BAG_ARC, 0, n) && (der[i + n] == 0x01 || der[i + n] == 0x02
            || der[i + n] == 0x05)) {
          return true;
        }
      }
      return false;
    }

    private static final byte[] KEY_BAG_ARC = {0x06, 0x0B, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D,
        0x01, 0x0C, 0x0A, 0x01};
  }

  /**
   * A Java keystore (JKS {@code FEEDFEED} or JCEKS {@code CECECECE}, version 1 or 2) in base64 that holds a private
   * or secret key. Entry types and aliases are stored in the clear, so the entries are walked: a private-key entry
   * (JKS/JCEKS) or a secret-key entry (JCEKS) passes; a truststore whose entries are all trusted certificates, or an
   * empty keystore, does not. A layout that cannot be walked passes: it could hold a key.
   */
  record JavaKeystore() implements Validator {
    @Override
    public String name() {
      return "java-keystore";
    }

    @Override
    public boolean accepts(String secret) {
      Optional<byte[]> decoded = decodeWrapped(secret);
      if (decoded.isEmpty()) return false;
      ByteBuffer in = ByteBuffer.wrap(decoded.get());
      try {
        int magic = in.getInt();
        int version = in.getInt();
        if ((magic != 0xFEEDFEED && magic != 0xCECECECE) || (version != 1 && version != 2)) return false;
        int entries = in.getInt();
        for (int e = 0; e < entries; e++) {
          int tag = in.getInt();
          if (tag != 2) return true; // 1: private key, 3: secret key (JCEKS); anything else: cannot tell
          skipUtf(in); // alias
          in.getLong(); // creation date
          if (version == 2) skipUtf(in); // certificate type
          skip(in, in.getInt()); // the certificate
        }
        return false;
      } catch (BufferUnderflowException | IllegalArgumentException e) {
        return true; // truncated or unusual after a valid header: it could still hold a key
      }
    }

    private static void skipUtf(ByteBuffer in) {
      skip(in, in.getShort() & 0xffff);
    }

    private static void skip(ByteBuffer in, int bytes) {
      in.position(in.position() + bytes);
    }
  }

  /**
   * An MIT Kerberos keytab (version 0x0502) in base64 whose entries all parse (component count, realm, components,
   * name type, timestamp, key version, encryption type and key) and hold at least one key of 8 to 64 bytes. Keys in
   * a keytab are not encrypted: whoever has it authenticates as its principals. Deleted entries (negative lengths)
   * are skipped, as the format allows.
   */
  record KerberosKeytab() implements Validator {
    @Override
    public String name() {
      return "kerberos-keytab";
    }

    @Override
    public boolean accepts(String secret) {
      Optional<byte[]> decoded = decodeWrapped(secret);
      if (decoded.isEmpty() || decoded.get().length < 24) return false;
      ByteBuffer in = ByteBuffer.wrap(decoded.get());
      try {
        if (in.getShort() != 0x0502) return false;
        boolean key = false;
        while (in.remaining() >= 4) {
          int size = in.getInt();
          if (size == 0) break;
          int end = in.position() + Math.abs(size);
          if (end > in.limit()) return false;
          if (size > 0) {
            key |= entryHoldsKey(ByteBuffer.wrap(in.array(), in.position(), size).slice());
          }
          in.position(end);
        }
        return key;
      } catch (BufferUnderflowException | IllegalArgumentException e) {
        return false;
      }
    }

    private static boolean entryHoldsKey(ByteBuffer entry) {
      int components = entry.getShort() & 0xffff;
      if (components < 1 || components > 16) return false;
      for (int i = 0; i <= components; i++) { // the realm, then each component
        int length = entry.getShort() & 0xffff;
        if (length < 1 || length > 255) return false;
        entry.position(entry.position() + length);
      }
      entry.getInt(); // name type
      entry.getInt(); // timestamp
      entry.get(); // key version
      entry.getShort(); // encryption type
      int keyLength = entry.getShort() & 0xffff;
      return keyLength >= 8 && keyLength <= 64 && entry.remaining() >= keyLength;
    }
  }

  /** Standard base64 wrapped over lines, possibly indented or quoted in a reply ({@code >}): those are ignored. */
  private static Optional<byte[]> decodeWrapped(String text) {
    return decode(text.replaceAll("[\\s>]", ""), Base64.getDecoder());
  }

  private static Optional<byte[]> decode(String text, Base64.Decoder decoder) {
    try {
      return Optional.of(decoder.decode(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
