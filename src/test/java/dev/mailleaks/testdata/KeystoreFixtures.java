package dev.mailleaks.testdata;

import dev.mailleaks.testdata.FakeSecrets.Secret;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Base64;

/**
 * Keystores and a password database mailed as files: a PKCS#12 certificate (.pfx), an Android upload keystore
 * (JKS) and a KeePass database. They are scanned as their base64 on one line, so the planted value is that line.
 * The two keystores were made once with keytool (a throw-away EC key, "CN=mailleaks fixture (fake)") and are kept
 * here as bytes, because keytool writes new salts on every run and the generator must be deterministic; the
 * KeePass file is a KDBX 4 signature and version followed by seeded random bytes. Generated last, so that the
 * secrets drawn here leave every other fixture's bytes as they were.
 */
final class KeystoreFixtures extends FixtureFamily {
  private static final String PKCS12 =
      "MIIEEgIBAzCCA7wGCSqGSIb3DQEHAaCCA60EggOpMIIDpTCCASwGCSqGSIb3DQEHAaCCAR0EggEZMIIBFTCCAREGCyqGSIb3DQEM"
      + "CgECoIG9MIG6MGYGCSqGSIb3DQEFDTBZMDgGCSqGSIb3DQEFDDArBBQqLtxt2I363tjXC75FKa9EfxhR2AICJxACASAwDAYIKoZI"
      + "hvcNAgkFADAdBglghkgBZQMEASoEEHZ6sY+gOYf1mbx09hpu2pUEUCo77eXIILOlChPourUWKklY6SGZomLROGYWqA7k8YPG1p8/"
      + "NumcWHaqaEuOWQPowj6GGrFWQwf3i7ZaJkqmGiu1IcP6TmJmjNyLDkeABguYMUIwHQYJKoZIhvcNAQkUMRAeDgBmAGkAeAB0AHUA"
      + "cgBlMCEGCSqGSIb3DQEJFTEUBBJUaW1lIDE3OTYyMjM1OTg5MDcwggJxBgkqhkiG9w0BBwagggJiMIICXgIBADCCAlcGCSqGSIb3"
      + "DQEHATBmBgkqhkiG9w0BBQ0wWTA4BgkqhkiG9w0BBQwwKwQUnxjq0XIAX8nnPcAUBM+L2y1S30ICAicQAgEgMAwGCCqGSIb3DQIJ"
      + "BQAwHQYJYIZIAWUDBAEqBBBMJf0XWMn5Uf/etXbQIFmjgIIB4CVQ8FEz9o70pzZtoU/nBhkuVszeTXKtJZC4whhKaCe3cvwdVyYF"
      + "2suIfOoiBeZuTr+I/NYB1LC+Rz7yEexnKIrDj3oSJj0+gsOmnJwN64VCauhJOQoVl/7IhJOV9EyXIMJIcvOF8s7CIEmzbpT63hHW"
      + "hXz39qE2NpvBNZiTrB3Ka0kOOOs66JIF5x7YTbFRrg5qB8SFuvlh5zwr/nWx4qKmlVrLVcm9GscHMzoDoQF5aXGnz9eauE12Jikz"
      + "wQqifBkG9BPXf8BcnTRy4NMtao/L359uKGOrTJp1n7T9QoXpUt9AJhA+b6J1NzkO0zTxZIDETBhuBoEzv0O+YWr5l7W8lntLfYz2"
      + "swK1hfI4LSzEAPQk8MZEpB+XxvsPCw6v/dU3bCZ17Q4Jf04MA7zTdxEGNzXW12Kcrsm95ibSQUkEgZLt61Trh29tcIhDoqvewuau"
      + "C6+MA0cMuklz/aUDT5oAZH9SrsI+Tli8zNwQjRMu66xP+7WdEjMedlvPoGXne4wsvWFdnMsPXk1m/JuoIbfQbW9IFV1T3vGJ+p0H"
      + "9ETwL+44gbgMVnTpU3qgzmm3MmbMCjtsiFKPN1HE4gdLLeiI5369SPZsgfh51ZMUtz0e5raJ985LUR5+S+rNrTzemTBNMDEwDQYJ"
      + "YIZIAWUDBAIBBQAEIL0+5AaxDxS675JWAfAv/vIdhKYrysU7xNIhOHIIFFPoBBQ4FFVlwZHSWCDrFSg7X7lTVmGOkQICJxA=";
  private static final String JKS =
      "/u3+7QAAAAIAAAABAAAAAQAHZml4dHVyZQAAAaI3RQVbAAAAfzB9MA4GCisGAQQBKgIRAQEFAARrpFxcBSCdLBVjX+27f4ZIhslJ"
      + "ZW1vwK9k5XDxOe1xXxe/Mdriey4pN+Te3tvurswox7t2ga07Y6aZll3ZndBBY576z1Sb7D0vyFToOVHbgRndVUJWHYKQXE/lplpS"
      + "KNGQyBvLDzMDxIFF24YAAAABAAVYLjUwOQAAAWMwggFfMIIBBKADAgECAgkAtUBWmpfoYAwwCgYIKoZIzj0EAwIwIzEhMB8GA1UE"
      + "AxMYbWFpbGxlYWtzIGZpeHR1cmUgKGZha2UpMB4XDTI2MTIwMjE0NTk1OVoXDTM2MTEyOTE0NTk1OVowIzEhMB8GA1UEAxMYbWFp"
      + "bGxlYWtzIGZpeHR1cmUgKGZha2UpMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEE4wknCduz3HaSHzao87TCmxILLFCEM10iUQ"
      + "3f3IAtdpvKp1csymUd//Ru7xNdaZVknVz+Dtnf97awElVNn7VqMhMB8wHQYDVR0OBBYEFLSbACiLl6CgWgP6kE7hAggX9jbiMAoG"
      + "CCqGSM49BAMCA0kAMEYCIQCa1hEcH2mN7Pzk+1eHeY5etcFdw1MmiYrsIsvUVVUTdAIhAIJSPUP61Lw1MJqlse2jaLq9onjYu0Y0"
      + "u/fvcdUF0RUfOnfAAJJb4wWN4joeDmJanq/FrZ4=";
  private static final byte[] KDBX4_SIGNATURE = {0x03, (byte) 0xD9, (byte) 0xA2, (byte) 0x9A, 0x67, (byte) 0xFB, 0x4B,
      (byte) 0xB5, 0x00, 0x00, 0x04, 0x00};

  KeystoreFixtures(Path out, FakeSecrets secrets, Expectations exp) {
    super(out, secrets, exp, 808, ZonedDateTime.parse("2024-03-18T14:05:00Z"));
  }

  @Override
  void generate() {
    String src = "eml/attachments-keystores.eml";
    byte[] pfx = Base64.getDecoder().decode(PKCS12);
    byte[] jks = Base64.getDecoder().decode(JKS);
    byte[] body = secrets.bytes(600);
    byte[] kdbx = new byte[KDBX4_SIGNATURE.length + body.length];
    System.arraycopy(KDBX4_SIGNATURE, 0, kdbx, 0, KDBX4_SIGNATURE.length);
    System.arraycopy(body, 0, kdbx, KDBX4_SIGNATURE.length, body.length);
    Mime certificate = Mime.attachment("application/x-pkcs12", "portal-client.pfx", pfx);
    Mime upload = Mime.attachment("application/octet-stream", "upload-keystore.jks", jks);
    Mime vault = Mime.attachment("application/octet-stream", "team-passwords.kdbx", kdbx);
    Mime m = multipart("mixed", Mime.text("Hi,\n\n" + DISCLAIMER + "\n\nAs requested: the client certificate for the "
        + "portal, our Android upload keystore and the team's KeePass file. Passwords follow by phone.\n\nBob\n"),
        certificate, upload, vault).asMessage(headers("Certificates and keystore"));
    writeEml(src, m);
    exp.plant(src, 1, certificate.path(), asBase64("keystore.pkcs12", pfx), "PKCS#12 attachment, read as its base64");
    exp.plant(src, 1, upload.path(), asBase64("keystore.java-keystore", jks), "JKS attachment (octet-stream)");
    exp.plant(src, 1, vault.path(), asBase64("keepass.database", kdbx), "KeePass KDBX 4 attachment");
  }

  private static Secret asBase64(String ruleId, byte[] file) {
    String line = Base64.getEncoder().encodeToString(file);
    return new Secret(ruleId, line, line);
  }
}
