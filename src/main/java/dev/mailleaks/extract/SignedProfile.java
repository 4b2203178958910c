package dev.mailleaks.extract;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A signed Apple configuration profile (.mobileconfig): a CMS SignedData whose content is the profile's XML
 * property list, stored in the clear inside the signature. Profiles carry Wi-Fi and VPN passwords, Exchange
 * account passwords and PKCS#12 payloads with their passphrase, so the property list is scanned as text.
 */
final class SignedProfile {
  private static final byte[] SIGNED_DATA_OID = {0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D,
      0x01, 0x07, 0x02};
  private static final byte[] PLIST_START = "<?xml".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PLIST_END = "</plist>".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PLIST_ELEMENT = "<plist".getBytes(StandardCharsets.US_ASCII);

  private SignedProfile() {}

  /** The property list inside a CMS SignedData, or null if these bytes are not one that holds a property list. */
  static byte[] propertyList(byte[] bytes) {
    if (bytes.length < 64 || (bytes[0] & 0xff) != 0x30 || indexOf(bytes, SIGNED_DATA_OID, 0, 24) < 0) return null;
    int start = indexOf(bytes, PLIST_START, 0, bytes.length);
    if (start < 0) return null;
    int end = lastIndexOf(bytes, PLIST_END, start);
    if (end < 0 || indexOf(bytes, PLIST_ELEMENT, start, end) < 0) return null;
    return Arrays.copyOfRange(bytes, start, end + PLIST_END.length);
  }

  private static int indexOf(byte[] bytes, byte[] pattern, int from, int to) {
    for (int i = from; i <= Math.min(to, bytes.length) - pattern.length; i++) {
      if (Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) return i;
    }
    return -1;
  }

  private static int lastIndexOf(byte[] bytes, byte[] pattern, int notBefore) {
    for (int i = bytes.length - pattern.length; i >= notBefore; i--) {
      if (Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) return i;
    }
    return -1;
  }
}
