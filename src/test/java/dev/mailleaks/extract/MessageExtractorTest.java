package dev.mailleaks.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailleaks.decode.PartDecoder;
import dev.mailleaks.source.ErrorKind;
import dev.mailleaks.source.Limits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Unit tests for {@link MessageExtractor}: part paths, decoding, attachments (real Tika), limits. */
class MessageExtractorTest {
  private static final TikaDocumentExtractor TIKA = new TikaDocumentExtractor(Duration.ofSeconds(30), 1 << 20);

  /** Part path → decoded text, plus problems and skips, as a scan would see them. */
  static final class Recorder implements PartSink {
    final Map<String, String> texts = new LinkedHashMap<>();
    final List<String> problems = new ArrayList<>();
    final List<String> skipped = new ArrayList<>();

    @Override
    public void content(PartContent content) {
      texts.merge(content.path(), PartDecoder.decode(content).text(), (a, b) -> a + "\n" + b);
    }

    @Override
    public void problem(String part, ErrorKind kind, String reason) {
      problems.add(part + " " + kind.label());
    }

    @Override
    public void skipped(String part, String reason) {
      skipped.add(part + " " + reason);
    }
  }

  private static Recorder extract(String message) {
    return extract(message.getBytes(StandardCharsets.ISO_8859_1), Limits.defaults());
  }

  private static Recorder extract(byte[] message, Limits limits) {
    Recorder recorder = new Recorder();
    new MessageExtractor(limits, TIKA).extract(message, recorder);
    return recorder;
  }

  private static String b64(byte[] bytes) {
    return Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(bytes);
  }

  @Nested
  class PartPaths {
    @Test
    void numbersPartsLikeImapSections() {
      Recorder r = extract("""
          Subject: hello
          X-Deploy-Token: tok-1
          DKIM-Signature: v=1; b=abcdef
          Content-Type: multipart/mixed; boundary=A

          --A
          Content-Type: multipart/alternative; boundary=B

          --B
          Content-Type: text/plain

          plain body
          --B
          Content-Type: text/html

          <p>html body</p>
          --B--
          --A
          Content-Type: message/rfc822

          Subject: inner

          inner body
          --A--
          """);
      assertThat(r.texts).containsOnlyKeys("headers", "1.1", "1.2", "2.headers", "2.1");
      assertThat(r.texts.get("headers")).contains("Subject: hello", "X-Deploy-Token: tok-1").doesNotContain("DKIM");
      assertThat(r.texts.get("1.2").strip()).isEqualTo("html body");
      assertThat(r.texts.get("2.1").strip()).isEqualTo("inner body");
    }

    @Test
    void anAttachedMessageStartingWithAnEnvelopeLineIsStillAMessage() {
      // readpst writes attached messages with their own ">From " line; the attachment inside must be found.
      String inner = ">From MAILER-DAEMON Thu Nov 26 22:18:00 2020\nSubject: inner\nContent-Type: multipart/mixed; boundary=I\n\n"
          + "--I\nContent-Type: text/plain\n\nsee file\n--I\nContent-Type: text/plain; name=creds.txt\n"
          + "Content-Transfer-Encoding: base64\n\n" + b64("token=inner-secret-9\n".getBytes(StandardCharsets.US_ASCII))
          + "\n--I--\n";
      Recorder r = extract("Content-Type: multipart/mixed; boundary=A\n\n--A\nContent-Type: text/plain\n\nfwd\n--A\n"
          + "Content-Type: message/rfc822\n\n" + inner + "--A--\n");
      assertThat(r.texts).containsEntry("2.2/creds.txt", "token=inner-secret-9\n");
      assertThat(r.texts.get("2.headers")).isEqualTo("Subject: inner\n");
    }

    @Test
    void anAttachedMboxIsReadAsItsMessages() {
      String mbox = "From a@b.c Mon Jan  1 10:00:00 2024\nSubject: one\n\nfirst body\n\n"
          + "From a@b.c Mon Jan  1 11:00:00 2024\nSubject: two\n\nsecond body\n";
      Recorder r = extract("Content-Type: multipart/mixed; boundary=A\n\n--A\nContent-Type: text/plain\n\nhi\n--A\n"
          + "Content-Type: application/mbox; name=old.mbox\nContent-Transfer-Encoding: base64\n\n"
          + b64(mbox.getBytes(StandardCharsets.US_ASCII)) + "\n--A--\n");
      assertThat(r.texts).containsEntry("2/old.mbox!1!1", "first body\n").containsEntry("2/old.mbox!2!1", "second body\n");
    }

    @Test
    void aSinglePartBodyIsSectionOne() {
      Recorder r = extract("Subject: s\n\nbody\n");
      assertThat(r.texts).containsEntry("1", "body\n");
    }
  }

  @Nested
  class Decoding {
    @Test
    void decodesQuotedPrintableSoftBreaksAndEquals() {
      Recorder r = extract("""
          Content-Type: text/plain; charset=utf-8
          Content-Transfer-Encoding: quoted-printable

          password=3DCorrect-Horse-=
          Battery-42
          """);
      assertThat(r.texts.get("1")).contains("password=Correct-Horse-Battery-42");
    }

    @Test
    void decodesBase64WithBrokenLinesAndMissingPadding() {
      String encoded = Base64.getEncoder().encodeToString("token: abc123XYZ".getBytes(StandardCharsets.US_ASCII))
          .replace("=", "");
      String broken = encoded.substring(0, 5) + "\n " + encoded.substring(5, 13) + "\n\n" + encoded.substring(13);
      Recorder r = extract("Content-Transfer-Encoding: base64\n\n" + broken + "\n");
      assertThat(r.texts.get("1")).startsWith("token: abc123XY");
    }

    @Test
    void decodesEncodedWordsInHeaders() {
      Recorder r = extract("Subject: =?UTF-8?B?cGFzc3dvcmQ6IEdyw7zDn2UtNDI=?= and =?ISO-8859-1?Q?caf=E9?=\n\nx\n");
      assertThat(r.texts.get("headers")).isEqualTo("Subject: password: Grüße-42 and café\n");
    }

    @Test
    void unflowsFormatFlowed() {
      Recorder r = extract("Content-Type: text/plain; format=flowed; delsp=yes\n\nhttps://deploy:Sup3r \nSecret@git.example.org/\n");
      assertThat(r.texts.get("1")).contains("https://deploy:Sup3rSecret@git.example.org/");
    }

    @Test
    void decodesInlineUuencodedFiles() {
      String uu = "begin 644 creds.txt\n" + "+<&%S<W=O<F0Z('@*\n" + "`\n" + "end\n";
      Recorder r = extract("Subject: uu\n\nsee attached\n" + uu);
      assertThat(r.texts.get("1/creds.txt")).isEqualTo("password: x");
    }
  }

  @Nested
  class Attachments {
    @Test
    void readsRfc2231FileNamesAndZipEntries() throws IOException {
      ByteArrayOutputStream zip = new ByteArrayOutputStream();
      try (ZipOutputStream out = new ZipOutputStream(zip)) {
        out.putNextEntry(new ZipEntry("config/.env"));
        out.write("DB_PASSWORD=zipped-secret-1\n".getBytes(StandardCharsets.US_ASCII));
        out.closeEntry();
      }
      Recorder r = extract("""
          Content-Type: multipart/mixed; boundary=A

          --A
          Content-Type: text/plain

          see attachment
          --A
          Content-Type: application/zip
          Content-Disposition: attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.zip
          Content-Transfer-Encoding: base64

          """ + b64(zip.toByteArray()) + "\n--A--\n");
      assertThat(r.texts).containsEntry("2/résumé.zip!config/.env", "DB_PASSWORD=zipped-secret-1\n");
    }

    @Test
    void extractsDocxTextThroughTika() throws IOException {
      ByteArrayOutputStream docx = new ByteArrayOutputStream();
      try (XWPFDocument doc = new XWPFDocument()) {
        doc.createParagraph().createRun().setText("VPN password: Tr0ub4dor-and-3");
        doc.write(docx);
      }
      Recorder r = extract("Content-Type: multipart/mixed; boundary=A\n\n--A\n"
          + "Content-Type: application/octet-stream; name=\"notes.docx\"\nContent-Transfer-Encoding: base64\n\n"
          + b64(docx.toByteArray()) + "\n--A--\n");
      assertThat(r.texts.get("1/notes.docx")).contains("VPN password: Tr0ub4dor-and-3");
    }

    @Test
    void skipsOpaqueBinariesButStillReadsDocumentsNamedAsThem() {
      byte[] random = new byte[4096];
      new java.util.Random(1).nextBytes(random);
      random[0] = 1;
      byte[] pdfNamedDat = "%PDF-1.7 not really".getBytes(StandardCharsets.US_ASCII);
      Recorder r = extract("Content-Type: multipart/mixed; boundary=A\n\n--A\n"
          + "Content-Type: application/octet-stream; name=dump.bin\nContent-Transfer-Encoding: base64\n\n" + b64(random) + "\n--A\n"
          + "Content-Type: application/octet-stream; name=winmail.dat\nContent-Transfer-Encoding: base64\n\n" + b64(pdfNamedDat)
          + "\n--A--\n");
      assertThat(r.skipped).containsExactly("1/dump.bin binary data");
      assertThat(r.problems).containsExactly("2/winmail.dat parser-error");
    }

    @Test
    void readsAnAttachedKeystoreAsItsBase64() throws Exception {
      byte[] p12 = KeyContainerTest.keystore("PKCS12");
      Recorder r = extract("Content-Type: multipart/mixed; boundary=A\n\n--A\nContent-Type: text/plain\n\nsee attached\n--A\n"
          + "Content-Type: application/x-pkcs12; name=cert.pfx\nContent-Transfer-Encoding: base64\n\n" + b64(p12)
          + "\n--A--\n");
      assertThat(r.texts.get("2/cert.pfx")).isEqualTo(Base64.getEncoder().encodeToString(p12) + "\n");
      assertThat(r.skipped).isEmpty();
    }

    @Test
    void readsThePropertyListInsideASignedConfigurationProfile() throws IOException {
      String plist = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\"><dict>"
          + "<key>SSID_STR</key><string>ACME-Corp</string><key>Password</key><string>Wq7!mTz2Lk</string>"
          + "</dict></plist>";
      ByteArrayOutputStream cms = new ByteArrayOutputStream();
      cms.write(new byte[] {0x30, (byte) 0x82, 0x01, 0x00, 0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7,
          0x0D, 0x01, 0x07, 0x02, (byte) 0xA0, (byte) 0x82, 0x00, 0x40, 0x04, (byte) 0x81, (byte) plist.length()});
      cms.write(plist.getBytes(StandardCharsets.UTF_8));
      cms.write(new byte[64]); // signer infos
      Recorder r = extract("Content-Type: multipart/mixed; boundary=A\n\n--A\nContent-Type: text/plain\n\nprofile\n--A\n"
          + "Content-Type: application/x-apple-aspen-config; name=wifi.mobileconfig\nContent-Transfer-Encoding: base64\n\n"
          + b64(cms.toByteArray()) + "\n--A--\n");
      assertThat(r.texts.get("2/wifi.mobileconfig")).startsWith("<?xml").endsWith("</plist>")
          .contains("<key>Password</key><string>Wq7!mTz2Lk</string>");
      assertThat(r.skipped).isEmpty();
    }

    @Test
    void skipsImagesAndRecordsBrokenDocuments() {
      byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
      byte[] pdf = "%PDF-1.7\n garbage that is not a pdf".getBytes(StandardCharsets.US_ASCII);
      Recorder r = extract("Content-Type: multipart/mixed; boundary=A\n\n--A\nContent-Type: text/plain\n\nhello\n--A\n"
          + "Content-Type: image/png; name=a.png\nContent-Transfer-Encoding: base64\n\n" + b64(png) + "\n--A\n"
          + "Content-Type: application/pdf; name=b.pdf\nContent-Transfer-Encoding: base64\n\n" + b64(pdf) + "\n--A--\n");
      assertThat(r.skipped).containsExactly("2/a.png image");
      assertThat(r.problems).containsExactly("3/b.pdf parser-error");
      assertThat(r.texts.get("1")).isEqualTo("hello");
    }
  }

  @Nested
  class LimitsHit {
    @Test
    void stopsAtThePartCapAndKeepsEarlierParts() {
      StringBuilder message = new StringBuilder("Content-Type: multipart/mixed; boundary=A\n\n");
      for (int i = 1; i <= 8; i++) {
        message.append("--A\nContent-Type: text/plain\n\npart ").append(i).append('\n');
      }
      message.append("--A--\n");
      Limits fourParts = new Limits(10, 1 << 20, 1 << 20, 100, 4, Duration.ofSeconds(5));
      Recorder r = extract(message.toString().getBytes(StandardCharsets.US_ASCII), fourParts);
      assertThat(r.texts).containsOnlyKeys("1", "2", "3", "4");
      assertThat(r.problems).containsExactly("5 limit-parts");
    }

    @Test
    void stopsAtTheDepthLimit() {
      String message = "Subject: level 0\n\nbody 0\n";
      for (int level = 1; level <= 3; level++) {
        message = "Subject: level " + level + "\nContent-Type: message/rfc822\n\n" + message;
      }
      Limits depth2 = new Limits(2, 1 << 20, 1 << 20, 100, 100, Duration.ofSeconds(5));
      Recorder r = extract(message.getBytes(StandardCharsets.US_ASCII), depth2);
      assertThat(r.problems).containsExactly("1.1.1 limit-depth");
      assertThat(r.texts).containsKeys("headers", "1.headers", "1.1.headers");
    }

    @Test
    void refusesAZipBomb() throws IOException {
      ByteArrayOutputStream zip = new ByteArrayOutputStream();
      try (ZipOutputStream out = new ZipOutputStream(zip)) {
        out.putNextEntry(new ZipEntry("zeros.txt"));
        out.write(new byte[8 << 20]);
        out.closeEntry();
        out.putNextEntry(new ZipEntry("ok.env"));
        out.write("TOKEN=still-found\n".getBytes(StandardCharsets.US_ASCII));
        out.closeEntry();
      }
      Recorder r = extract(("Content-Type: application/zip; name=bomb.zip\nContent-Transfer-Encoding: base64\n\n"
          + b64(zip.toByteArray()) + "\n").getBytes(StandardCharsets.US_ASCII), Limits.defaults());
      assertThat(r.problems).containsExactly("1/bomb.zip!zeros.txt limit-ratio");
      assertThat(r.texts).containsEntry("1/bomb.zip!ok.env", "TOKEN=still-found\n");
    }
  }
}
