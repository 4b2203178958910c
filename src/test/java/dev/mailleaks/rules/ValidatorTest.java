package dev.mailleaks.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Unit tests for each built-in {@link Validator}, with inputs that pass and inputs that fail. */
class ValidatorTest {
  private static Validator named(String name) {
    return Validator.named(name).orElseThrow();
  }

  @Test
  void everyValidatorIsFoundByItsName() {
    assertThat(Validator.ALL).extracting(Validator::name).containsExactly(
        "github-crc32", "npm-crc32", "luhn", "jwt", "pem-private-key", "der-private-key", "base64", "aws-account-id",
        "bitlocker-recovery-password", "pkcs12", "java-keystore", "kerberos-keytab");
    assertThat(Validator.named("crc32")).isEmpty();
  }

  @Nested
  class Crc32Tokens {
    // Checksums computed independently with Python's zlib.crc32 and a 0-9A-Za-z base62 encoder.
    @Test
    void checksumIsBase62OfTheCrc32OfTheRandomPart() {
      assertThat(Validator.Crc32Base62.of("Qm7pX2vKd9LrT4wYc8NfB3hZj6GsEa")).isEqualTo("0SHve5");
      assertThat(Validator.Crc32Base62.of("z0FAKEn1pmT0k3nW2xR8cV5bL7qJ4h")).isEqualTo("1XqeMG");
    }

    @Test
    void githubAcceptsEveryClassicPrefixWithAValidChecksum() {
      Validator github = named("github-crc32");
      for (String prefix : new String[] {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"}) {
        assertThat(github.accepts(prefix + "Qm7pX2vKd9LrT4wYc8NfB3hZj6GsEa0SHve5")).as(prefix).isTrue();
      }
      assertThat(github.accepts("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")).as("zero-padded checksum").isTrue();
    }

    @Test
    void githubRejectsAWrongChecksumOrShape() {
      Validator github = named("github-crc32");
      assertThat(github.accepts("ghp_Qm7pX2vKd9LrT4wYc8NfB3hZj6GsEa0SHve6")).as("last character changed").isFalse();
      assertThat(github.accepts("ghp_Qm7pX2vKd9LrT4wYd8NfB3hZj6GsEa0SHve5")).as("body changed").isFalse();
      assertThat(github.accepts("ghx_Qm7pX2vKd9LrT4wYc8NfB3hZj6GsEa0SHve5")).as("unknown prefix").isFalse();
      assertThat(github.accepts("ghp_Qm7pX2vKd9LrT4wYc8NfB3hZj6GsEa0SHv")).as("too short").isFalse();
      assertThat(github.accepts("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")).as("an npm token").isFalse();
    }

    @Test
    void npmUsesTheSameSchemeWithItsOwnPrefix() {
      Validator npm = named("npm-crc32");
      assertThat(npm.accepts("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")).isTrue();
      assertThat(npm.accepts("npm_z0FAKEn1pmT0k3nW2xR8cV5bL7qJ4h1XqeMH")).isFalse();
      assertThat(npm.accepts("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")).isFalse();
    }
  }

  @Nested
  class Luhn {
    @Test
    void acceptsNumbersWithAValidCheckDigitIgnoringSeparators() {
      Validator luhn = named("luhn");
      assertThat(luhn.accepts("4111111111111111")).isTrue();
      assertThat(luhn.accepts("4111 1111 1111 1111")).isTrue();
      assertThat(luhn.accepts("5500-0000-0000-0004")).isTrue();
    }

    @Test
    void rejectsAWrongCheckDigitOrOtherCharacters() {
      Validator luhn = named("luhn");
      assertThat(luhn.accepts("4111111111111112")).isFalse();
      assertThat(luhn.accepts("4111a11111111111")).isFalse();
      assertThat(luhn.accepts("0")).isFalse();
    }
  }

  @Nested
  class Jwt {
    private static final String HEADER = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"; // {"alg":"HS256","typ":"JWT"}
    private static final String PAYLOAD = "eyJzdWIiOiJmaXh0dXJlIiwiaWF0IjoxNzE3MDAwMDAwfQ"; // {"sub":"fixture",...}

    @Test
    void acceptsThreeSegmentsWithAJsonHeaderNamingAnAlgAndAJsonPayload() {
      assertThat(named("jwt").accepts(HEADER + "." + PAYLOAD + ".c2lnbmF0dXJlLW5vdC1jaGVja2Vk")).isTrue();
    }

    @Test
    void rejectsHeadersWithoutAlgPayloadsThatAreNotJsonAndMissingSignatures() {
      Validator jwt = named("jwt");
      assertThat(jwt.accepts("eyJ0eXAiOiJKV1QifQ." + PAYLOAD + ".c2ln")).as("no alg").isFalse();
      assertThat(jwt.accepts(HEADER + ".eyJzdWIiOiJm.c2ln")).as("truncated payload JSON").isFalse();
      assertThat(jwt.accepts(HEADER + "." + PAYLOAD + ".")).as("no signature").isFalse();
      assertThat(jwt.accepts(HEADER + "." + PAYLOAD)).as("two segments").isFalse();
      assertThat(jwt.accepts(HEADER + "." + PAYLOAD + ".c2ln!")).as("not base64url").isFalse();
    }
  }

  @Nested
  class PemPrivateKey {
    private static String pem(String kind, byte[] body, String headers) {
      String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(body);
      return "-----BEGIN " + kind + "-----\n" + headers + b64 + "\n-----END " + kind + "-----";
    }

    /** A DER SEQUENCE of {@code contentLength} filler bytes (long-form length). */
    private static byte[] sequence(int contentLength) {
      byte[] der = new byte[4 + contentLength];
      der[0] = 0x30;
      der[1] = (byte) 0x82;
      der[2] = (byte) (contentLength >> 8);
      der[3] = (byte) contentLength;
      Arrays.fill(der, 4, der.length, (byte) 0x5a);
      return der;
    }

    @Test
    void acceptsADerSequenceOfItsOwnLengthInEveryWrittenForm() {
      Validator pem = named("pem-private-key");
      String block = pem("RSA PRIVATE KEY", sequence(300), "");
      assertThat(pem.accepts(block)).isTrue();
      assertThat(pem.accepts(block.replace("\n", "\\n"))).as("literal \\n escapes").isTrue();
      assertThat(pem.accepts(block.replace("\n", " "))).as("flattened onto one line").isTrue();
      assertThat(pem.accepts(block.replace("\n", "\n> "))).as("quoted").isTrue();
    }

    @Test
    void theBareBase64DerOfAKeyPassesTheDerCheckWhetherWrappedOrNot() {
      Validator der = named("der-private-key");
      String b64 = Base64.getEncoder().encodeToString(sequence(300));
      assertThat(der.accepts(b64)).isTrue();
      assertThat(der.accepts(b64.substring(0, 64) + "\n> " + b64.substring(64))).as("wrapped and quoted").isTrue();
      assertThat(der.accepts(b64.substring(0, 200))).as("truncated").isFalse();
      assertThat(der.accepts(Base64.getEncoder().encodeToString(Arrays.copyOf(sequence(300), 290)))).isFalse();
    }

    @Test
    void keyBlocksWrittenIntoCodeOrLogsPassToo() {
      Validator pem = named("pem-private-key");
      String block = pem("PRIVATE KEY", sequence(300), "");
      assertThat(pem.accepts(block.replace("\n", "\\n\" +\n    \""))).as("Java string literals").isTrue();
      assertThat(pem.accepts(block.replace("\n", "\n#6 0.245 "))).as("BuildKit log").isTrue();
    }

    @Test
    void acceptsOpensshMagicAndEncryptedLegacyBodies() {
      Validator pem = named("pem-private-key");
      byte[] openssh = Arrays.copyOf("openssh-key-v1\0\0\0\0\4none".getBytes(StandardCharsets.US_ASCII), 200);
      assertThat(pem.accepts(pem("OPENSSH PRIVATE KEY", openssh, ""))).isTrue();
      byte[] ciphertext = new byte[160];
      Arrays.fill(ciphertext, (byte) 0x9c);
      assertThat(pem.accepts(pem("RSA PRIVATE KEY", ciphertext,
          "Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,8F3A1C0D9E7B6A5F4E3D2C1B0A998877\n\n"))).isTrue();
    }

    @Test
    void rejectsBodiesThatAreNotKeys() {
      Validator pem = named("pem-private-key");
      byte[] truncated = Arrays.copyOf(sequence(300), 200);
      assertThat(pem.accepts(pem("RSA PRIVATE KEY", truncated, ""))).as("declared length longer than body").isFalse();
      byte[] notSequence = sequence(300);
      notSequence[0] = 0x31;
      assertThat(pem.accepts(pem("PRIVATE KEY", notSequence, ""))).as("not a SEQUENCE").isFalse();
      assertThat(pem.accepts(pem("OPENSSH PRIVATE KEY", sequence(300), ""))).as("OpenSSH without magic").isFalse();
      assertThat(pem.accepts("-----BEGIN RSA PRIVATE KEY-----\n<paste the key here>\n-----END RSA PRIVATE KEY-----"))
          .as("not base64").isFalse();
      assertThat(pem.accepts("no block at all")).isFalse();
    }
  }

  @Nested
  class Base64Text {
    @Test
    void acceptsStandardAndUrlSafeBase64WithOrWithoutPadding() {
      Validator base64 = named("base64");
      assertThat(base64.accepts("dXNlcjpodW50ZXIy")).isTrue();
      assertThat(base64.accepts("eA==")).isTrue();
      assertThat(base64.accepts("eA")).isTrue();
      assertThat(base64.accepts("a-_b")).isTrue();
      assertThat(base64.accepts("dXNl\ncjpo")).as("line breaks").isTrue();
    }

    @Test
    void rejectsTextThatDoesNotDecode() {
      Validator base64 = named("base64");
      assertThat(base64.accepts("not base64!")).isFalse();
      assertThat(base64.accepts("abcde")).as("impossible length").isFalse();
      assertThat(base64.accepts("")).isFalse();
    }
  }

  @Nested
  class AwsAccountId {
    @Test
    void decodesTheAccountIdAsPublishedForNewFormatKeys() {
      // Aidan Steele's worked example (aidansteele.github.io, 2020-09-26): ASIAY34FZKBOKMUTVV7A -> 609629065308.
      assertThat(Validator.AwsAccountId.account(fifty("ASIAY34FZKBOKMUTVV7A"))).isEqualTo(609_629_065_308L);
      assertThat(Validator.AwsAccountId.account(fifty("AKIAQAAAAAAAAAAAAAAA"))).isZero();
    }

    @Test
    void acceptsPossibleAccountsAndOldFormatKeys() {
      Validator aws = named("aws-account-id");
      assertThat(aws.accepts("AKIAQ7FAKEZ3MLK4RWNB")).isTrue();
      assertThat(aws.accepts("ASIAY34FZKBOKMUTVV7A")).isTrue();
      assertThat(aws.accepts("AKIAJ4WQFAKE6TZ2XHNC")).as("old format, nothing to decode").isTrue();
      assertThat(aws.accepts("AKIAIXGZFAKESMCRZNME")).as("old format").isTrue();
    }

    @Test
    void rejectsKeyIdsNoAccountCouldHave() {
      Validator aws = named("aws-account-id");
      assertThat(aws.accepts("AKIAB7FAKEZ3MLK4RWNB")).as("fifth character neither I, J nor Q-Z2-7").isFalse();
      assertThat(aws.accepts("AKIA7MLKFAKE3QNRZ4WB")).as("account 1057321452169 has 13 digits").isFalse();
      assertThat(aws.accepts("AKIAQ7FAKEZ3MLK4RWN")).as("19 characters").isFalse();
      assertThat(aws.accepts("AKIAQ7FAKEZ3MLK4RWN1")).as("1 is not base32").isFalse();
    }

    private static long fifty(String keyId) {
      String base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
      long bits = 0;
      for (int i = 4; i < 14; i++) bits = bits << 5 | base32.indexOf(keyId.charAt(i));
      return bits;
    }
  }

  @Nested
  class BitlockerRecoveryPassword {
    @Test
    void acceptsEightBlocksThatAreElevenTimesASixteenBitWord() {
      Validator bitlocker = named("bitlocker-recovery-password");
      assertThat(bitlocker.accepts("466895-217492-569250-069608-104434-135707-527241-083622")).isTrue();
      assertThat(bitlocker.accepts("000000-000000-000000-000000-000000-000000-000000-720885")).as("11 x 65535").isTrue();
      assertThat(bitlocker.accepts("466895217492569250069608104434135707527241083622")).as("typed without dashes").isTrue();
    }

    @Test
    void rejectsMistypedOrOutOfRangeBlocks() {
      Validator bitlocker = named("bitlocker-recovery-password");
      assertThat(bitlocker.accepts("418682-061358-551595-366201-372218-553024-162481-430749"))
          .as("553024 is not a multiple of 11").isFalse();
      assertThat(bitlocker.accepts("000000-000000-000000-000000-000000-000000-000000-720896"))
          .as("11 x 65536 does not fit 16 bits").isFalse();
      assertThat(bitlocker.accepts("466895-217492-569250-069608-104434-135707-527241")).as("seven blocks").isFalse();
    }
  }

  @Nested
  class Pkcs12 {
    /** A PKCS#12 keystore as the JDK writes it, holding one throw-away AES key. */
    private static byte[] keystore() throws Exception {
      java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setEntry("fixture", new java.security.KeyStore.SecretKeyEntry(
              new javax.crypto.spec.SecretKeySpec(new byte[16], "AES")),
          new java.security.KeyStore.PasswordProtection("fixture-only".toCharArray()));
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      store.store(out, "fixture-only".toCharArray());
      return out.toByteArray();
    }

    @Test
    void acceptsAKeystoreTheJdkWritesInOneLineOrWrapped() throws Exception {
      String base64 = Base64.getEncoder().encodeToString(keystore());
      Validator pkcs12 = named("pkcs12");
      assertThat(pkcs12.accepts(base64)).isTrue();
      assertThat(pkcs12.accepts(base64.replaceAll("(.{64})", "$1\n> "))).as("wrapped and quoted").isTrue();
    }

    @Test
    void rejectsTruncatedKeystoresAndOtherDer() throws Exception {
      byte[] p12 = keystore();
      Validator pkcs12 = named("pkcs12");
      assertThat(pkcs12.accepts(Base64.getEncoder().encodeToString(Arrays.copyOf(p12, p12.length - 3)))).isFalse();
      byte[] version2 = p12.clone();
      version2[6] = 2;
      assertThat(pkcs12.accepts(Base64.getEncoder().encodeToString(version2))).as("version 2").isFalse();
      assertThat(pkcs12.accepts("MIIEEgIBAzCCA7wG")).isFalse();
    }
  }

  @Nested
  class JavaKeystore {
    /** A JKS version 2 header and one entry of the given tag, as JavaKeyStore writes it. */
    private static String jks(int tag) throws Exception {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
      out.writeInt(0xFEEDFEED);
      out.writeInt(2);
      out.writeInt(1);
      out.writeInt(tag);
      out.writeUTF("ca");
      out.writeLong(1_700_000_000_000L);
      if (tag == 1) {
        out.writeInt(40);
        out.write(new byte[40]); // the protected key
        out.writeInt(0); // no certificate chain
      } else {
        out.writeUTF("X.509");
        out.writeInt(32);
        out.write(new byte[32]); // the certificate
      }
      out.write(new byte[20]); // the keyed digest
      return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    @Test
    void acceptsAKeystoreWithAPrivateKeyEntry() throws Exception {
      assertThat(named("java-keystore").accepts(jks(1))).isTrue();
    }

    @Test
    void rejectsATruststoreOfCertificatesOnly() throws Exception {
      assertThat(named("java-keystore").accepts(jks(2))).isFalse();
      assertThat(named("java-keystore").accepts("/u3+7QAAAAIAAAAA")).as("empty keystore").isFalse();
      assertThat(named("java-keystore").accepts("zs7OzgAAAAMAAAAB")).as("version 3 does not exist").isFalse();
    }
  }

  @Nested
  class KerberosKeytab {
    /** A keytab of one entry, as MIT's ktutil writes it: HTTP/web01@ACME.EXAMPLE, AES-256, a 32-byte key. */
    private static byte[] keytab(int keyLength) throws Exception {
      java.io.ByteArrayOutputStream entry = new java.io.ByteArrayOutputStream();
      java.io.DataOutputStream e = new java.io.DataOutputStream(entry);
      e.writeShort(2);
      for (String part : new String[] {"ACME.EXAMPLE", "HTTP", "web01.acme.example"}) {
        e.writeShort(part.length());
        e.writeBytes(part);
      }
      e.writeInt(1); // KRB5_NT_PRINCIPAL
      e.writeInt(1_710_000_000);
      e.writeByte(3); // key version
      e.writeShort(18); // aes256-cts-hmac-sha1-96
      e.writeShort(keyLength);
      e.write(new byte[keyLength]);
      java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
      java.io.DataOutputStream f = new java.io.DataOutputStream(file);
      f.writeShort(0x0502);
      f.writeInt(entry.size());
      f.write(entry.toByteArray());
      return file.toByteArray();
    }

    @Test
    void acceptsAKeytabWithAKey() throws Exception {
      assertThat(named("kerberos-keytab").accepts(Base64.getEncoder().encodeToString(keytab(32)))).isTrue();
      assertThat(named("kerberos-keytab").accepts("BQIAAABbAAIADEFDTUUuRVhBTVBMRQAESFRUUAASd2ViMDEuYWNtZS5leGFtcGxlAAAAAWXsh4ADABIAIHlCvfIhBvCEd2Lw88tNdk3HByBRFZoPifLG2srjRLsxAAAAAwAAAEsAAgAMQUNNRS5FWEFNUExFAARIVFRQABJ3ZWIwMS5hY21lLmV4YW1wbGUAAAABZeyHgAMAEQAQEkX9b4TfmtfFs9B2rA6PUwAAAAM=")).isTrue();
    }

    @Test
    void rejectsOtherDataThatStartsLikeAKeytab() throws Exception {
      Validator keytab = named("kerberos-keytab");
      assertThat(keytab.accepts(Base64.getEncoder().encodeToString(keytab(2)))).as("2-byte key").isFalse();
      byte[] truncated = keytab(32);
      assertThat(keytab.accepts(Base64.getEncoder().encodeToString(Arrays.copyOf(truncated, truncated.length - 8))))
          .as("entry longer than the file").isFalse();
      assertThat(keytab.accepts("BQIAAABbAAIAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).isFalse();
    }
  }
}
