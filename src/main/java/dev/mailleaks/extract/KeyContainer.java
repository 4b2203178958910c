package dev.mailleaks.extract;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Binary files that hold credentials: PKCS#12 keystores (.p12/.pfx), Java keystores (JKS, JCEKS), KeePass
 * databases and Kerberos keytabs. Such an attachment is scanned as one line of base64, the form in which keystores
 * travel in configuration values and CI variables: the rules that find one pasted as base64 then find it attached,
 * with the same fingerprint.
 */
enum KeyContainer {
  PKCS12,
  JAVA_KEYSTORE,
  KEEPASS,
  KERBEROS_KEYTAB;

  /** The container these bytes are, or null: recognised by their own structure, never by a file name. */
  static KeyContainer of(byte[] bytes) {
    if (isPkcs12(bytes)) return PKCS12;
    if (bytes.length >= 8 && (startsWith(bytes, 0xFE, 0xED, 0xFE, 0xED) || startsWith(bytes, 0xCE, 0xCE, 0xCE, 0xCE))
        && bytes[4] == 0 && bytes[5] == 0 && bytes[6] == 0 && (bytes[7] == 1 || bytes[7] == 2)) {
      return JAVA_KEYSTORE;
    }
    // KeePass 1.x (65), KDBX pre-release (66) and KDBX 2-4 (67) signatures
    if (bytes.length >= 12 && startsWith(bytes, 0x03, 0xD9, 0xA2, 0x9A) && (bytes[4] & 0xff) >= 0x65
        && (bytes[4] & 0xff) <= 0x67 && (bytes[5] & 0xff) == 0xFB && bytes[6] == 0x4B && (bytes[7] & 0xff) == 0xB5) {
      return KEEPASS;
    }
    if (isKeytab(bytes)) return KERBEROS_KEYTAB;
    return null;
  }

  /**
   * An MIT keytab (version 0x0502): its first entry's length fits the file and the entry starts with a component
   * count and a realm of printable characters. The rule's validator reads every entry; this only routes the file.
   */
  private static boolean isKeytab(byte[] b) {
    if (b.length < 24 || b[0] != 0x05 || b[1] != 0x02) return false;
    long size = (b[2] & 0xffL) << 24 | (b[3] & 0xff) << 16 | (b[4] & 0xff) << 8 | (b[5] & 0xff);
    int components = (b[6] & 0xff) << 8 | (b[7] & 0xff);
    int realm = (b[8] & 0xff) << 8 | (b[9] & 0xff);
    if (size < 16 || 6 + size > b.length || components < 1 || components > 16 || realm < 1 || 10 + realm > b.length) {
      return false;
    }
    for (int i = 10; i < 10 + realm; i++) {
      if (b[i] < 0x21 || b[i] > 0x7e) return false;
    }
    return true;
  }

  /**
   * What is scanned of a file of this kind, as one line of standard base64: a keystore or keytab whole (they are
   * small, and their rules check the whole structure); of a KeePass database, which can be megabytes, its first
   * 48 KiB, which identify it as well and keep the line's size bounded.
   */
  byte[] asBase64Line(byte[] file) {
    byte[] scanned = this == KEEPASS && file.length > KEEPASS_PREFIX ? Arrays.copyOf(file, KEEPASS_PREFIX) : file;
    return (Base64.getEncoder().encodeToString(scanned) + "\n").getBytes(StandardCharsets.US_ASCII);
  }

  /** A multiple of 3, so that the prefix's base64 has no padding. */
  private static final int KEEPASS_PREFIX = 48 * 1024;

  /**
   * PFX ::= SEQUENCE { version INTEGER (3), authSafe ContentInfo, ... }: a SEQUENCE that spans the whole file (a
   * one- to three-byte DER length, or BER's indefinite length closed by two zero bytes, as macOS Keychain and
   * some Windows exports write it), then INTEGER 3, then the authSafe SEQUENCE.
   */
  private static boolean isPkcs12(byte[] b) {
    if (b.length < 16 || (b[0] & 0xff) != 0x30) return false;
    if ((b[1] & 0xff) == 0x80) {
      return b[2] == 0x02 && b[3] == 0x01 && b[4] == 0x03 && (b[5] & 0xff) == 0x30 && b[b.length - 1] == 0
          && b[b.length - 2] == 0;
    }
    int lengthBytes = (b[1] & 0xff) - 0x80;
    if (lengthBytes < 1 || lengthBytes > 3) return false;
    long length = 0;
    for (int i = 0; i < lengthBytes; i++) length = length << 8 | (b[2 + i] & 0xff);
    int header = 2 + lengthBytes;
    return header + length == b.length && b[header] == 0x02 && b[header + 1] == 0x01 && b[header + 2] == 0x03
        && (b[header + 3] & 0xff) == 0x30;
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xff) != prefix[i]) return false;
    }
    return true;
  }
}
