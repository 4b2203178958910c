package dev.mailleaks.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Unit tests for {@link KeyContainer}: keystores written by the JDK, a KeePass signature, and look-alikes. */
class KeyContainerTest {
  static byte[] keystore(String type) throws Exception {
    KeyStore store = KeyStore.getInstance(type);
    store.load(null, null);
    if (!type.equals("JKS")) { // JKS holds only private keys with certificates; an empty one has the same header
      char[] password = "fixture-only".toCharArray();
      store.setEntry("fixture", new KeyStore.SecretKeyEntry(new SecretKeySpec(new byte[16], "AES")),
          new KeyStore.PasswordProtection(password));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    store.store(out, "fixture-only".toCharArray());
    return out.toByteArray();
  }

  @Test
  void recognisesKeystoresTheJdkWrites() throws Exception {
    assertThat(KeyContainer.of(keystore("PKCS12"))).isEqualTo(KeyContainer.PKCS12);
    assertThat(KeyContainer.of(keystore("JKS"))).isEqualTo(KeyContainer.JAVA_KEYSTORE);
    assertThat(KeyContainer.of(keystore("JCEKS"))).isEqualTo(KeyContainer.JAVA_KEYSTORE);
  }

  @Test
  void recognisesAPkcs12WrittenWithAnIndefiniteLength() throws Exception {
    byte[] der = keystore("PKCS12");
    byte[] ber = new byte[der.length - 4 + 2 + 2]; // 30 80, the content, then the two zero bytes that close it
    ber[0] = 0x30;
    ber[1] = (byte) 0x80;
    System.arraycopy(der, 4, ber, 2, der.length - 4);
    assertThat(KeyContainer.of(ber)).isEqualTo(KeyContainer.PKCS12);
    assertThat(KeyContainer.of(Arrays.copyOf(ber, ber.length - 1))).as("not closed").isNull();
  }

  @Test
  void recognisesKeePassSignatures() {
    byte[] kdbx = new byte[64];
    byte[] signature = {0x03, (byte) 0xD9, (byte) 0xA2, (byte) 0x9A, 0x67, (byte) 0xFB, 0x4B, (byte) 0xB5, 0, 0, 4, 0};
    System.arraycopy(signature, 0, kdbx, 0, signature.length);
    assertThat(KeyContainer.of(kdbx)).isEqualTo(KeyContainer.KEEPASS);
    kdbx[4] = 0x65; // KeePass 1.x
    assertThat(KeyContainer.of(kdbx)).isEqualTo(KeyContainer.KEEPASS);
  }

  @Test
  void recognisesAKerberosKeytab() {
    byte[] keytab = {0x05, 0x02, 0, 0, 0, 0x24, 0, 0x01, 0, 0x0C, 'A', 'C', 'M', 'E', '.', 'E', 'X', 'A', 'M', 'P', 'L',
        'E', 0, 0x04, 'H', 'T', 'T', 'P', 0, 0, 0, 1, 0, 0, 0, 0, 3, 0, 0x12, 0, 0x10, 0, 0, 0};
    assertThat(KeyContainer.of(keytab)).isEqualTo(KeyContainer.KERBEROS_KEYTAB);
    keytab[10] = 0x01; // a realm must be printable
    assertThat(KeyContainer.of(keytab)).isNull();
  }

  @Test
  void aLargeKeePassDatabaseIsScannedByItsFirst48KiB() {
    byte[] kdbx = new byte[5 * 1024 * 1024];
    byte[] signature = {0x03, (byte) 0xD9, (byte) 0xA2, (byte) 0x9A, 0x67, (byte) 0xFB, 0x4B, (byte) 0xB5, 0, 0, 4, 0};
    System.arraycopy(signature, 0, kdbx, 0, signature.length);
    String line = new String(KeyContainer.of(kdbx).asBase64Line(kdbx), StandardCharsets.US_ASCII);
    assertThat(line).startsWith("A9mimmf7S7U").hasSize(48 * 1024 / 3 * 4 + 1).doesNotContain("=");
  }

  @Test
  void leavesOtherDerAndTruncatedKeystoresAlone() throws Exception {
    byte[] p12 = keystore("PKCS12");
    assertThat(KeyContainer.of(Arrays.copyOf(p12, p12.length - 1))).as("truncated").isNull();
    byte[] certificateLike = p12.clone();
    certificateLike[4] = 0x30; // a SEQUENCE where the version should be: an X.509 certificate starts this way
    assertThat(KeyContainer.of(certificateLike)).isNull();
    assertThat(KeyContainer.of("PK\u0003\u0004 not a keystore".getBytes(StandardCharsets.ISO_8859_1))).isNull();
    assertThat(KeyContainer.of(new byte[0])).isNull();
  }

  @Test
  void aContainerIsScannedAsOneLineOfBase64() throws Exception {
    byte[] p12 = keystore("PKCS12");
    String line = new String(KeyContainer.PKCS12.asBase64Line(p12), StandardCharsets.US_ASCII);
    assertThat(line).isEqualTo(Base64.getEncoder().encodeToString(p12) + "\n");
    assertThat(line).startsWith("MII").contains("IBAzC");
  }
}
