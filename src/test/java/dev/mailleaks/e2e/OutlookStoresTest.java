package dev.mailleaks.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailleaks.extract.MessageExtractor;
import dev.mailleaks.extract.PartContent;
import dev.mailleaks.extract.PartSink;
import dev.mailleaks.extract.TikaDocumentExtractor;
import dev.mailleaks.decode.PartDecoder;
import dev.mailleaks.source.ErrorKind;
import dev.mailleaks.source.ErrorRecord;
import dev.mailleaks.source.InputWalker;
import dev.mailleaks.source.Limits;
import dev.mailleaks.source.MailSink;
import dev.mailleaks.source.RawMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Outlook and Apple stores in {@code testdata/outlook/} (third-party files, see its SOURCES.md) read through the
 * real CLI and the real pipeline; the expected values are what independent readers (readpst, olefile, tnef)
 * show in those files.
 */
class OutlookStoresTest {
  private static final Path OUTLOOK = Path.of("testdata", "outlook");

  private static List<String> list(String file) {
    TestdataScanTest.Run run = TestdataScanTest.scan("list", OUTLOOK.resolve(file).toString());
    return run.out().lines().map(line -> line.substring(OUTLOOK.toString().length() + 1)).toList();
  }

  /** Part path → first 60 characters of its text, for one input. */
  private static Map<String, String> parts(String file) {
    Map<String, String> parts = new LinkedHashMap<>();
    List<ErrorRecord> errors = new ArrayList<>();
    MessageExtractor extractor = new MessageExtractor(Limits.defaults(), new TikaDocumentExtractor(Duration.ofSeconds(30), 1 << 20));
    new InputWalker(Limits.defaults(), new MailSink() {
      @Override
      public void message(RawMessage message) {
        extractor.extract(message.bytes(), new PartSink() {
          @Override
          public void content(PartContent content) {
            String text = PartDecoder.decode(content).text().strip().replaceAll("\\s+", " ");
            parts.put(message.origin().index() + ":" + content.path(), text.substring(0, Math.min(60, text.length())));
          }

          @Override
          public void problem(String part, ErrorKind kind, String reason) {
            parts.put("problem:" + part, kind.label());
          }

          @Override
          public void skipped(String part, String reason) {
            parts.put("skipped:" + part, reason);
          }
        });
      }

      @Override
      public void error(ErrorRecord error) {
        errors.add(error);
      }
    }).walk(List.of(OUTLOOK.resolve(file)));
    assertThat(errors).isEmpty();
    return parts;
  }

  @Test
  void readsEveryFolderAndItemOfAPst() {
    assertThat(list("testPST_variousBodyTypes.pst")).containsExactly(
        "testPST_variousBodyTypes.pst!Inbox/tmp\t1\tWed, 30 Aug 2017 19:26:03 +0000\t\"Allison, Timothy B.\" <tallison@mitre.org>\toriginal email",
        "testPST_variousBodyTypes.pst!Inbox/tmp\t2\tWed, 30 Aug 2017 19:26:52 +0000\t\"Allison, Timothy B.\" <tallison@mitre.org>\tFW: original email",
        "testPST_variousBodyTypes.pst!Inbox/tmp\t3\tWed, 30 Aug 2017 19:27:20 +0000\t\"Allison, Timothy B.\" <tallison@mitre.org>\tFW: original email",
        "testPST_variousBodyTypes.pst!Inbox/tmp\t4\tWed, 30 Aug 2017 19:27:50 +0000\t\"Allison, Timothy B.\" <tallison@mitre.org>\tFW: original email");
    assertThat(list("dist-list.pst")).extracting(line -> line.split("\t")[0] + " " + line.split("\t", -1)[4])
        .containsExactly("dist-list.pst!Calendar Test appointment", "dist-list.pst!Contacts contact name 1",
            "dist-list.pst!Contacts test dist list", "dist-list.pst!Freebusy Data LocalFreebusy");
  }

  @Test
  void readsPstBodiesAsPlainAndHtmlParts() {
    Map<String, String> parts = parts("testPST_variousBodyTypes.pst");
    assertThat(parts).containsEntry("1:1", "This is the original email (html)");
    assertThat(parts.get("1:2")).startsWith("This is the original email");
    assertThat(parts.get("1:headers")).startsWith("Subject: original email");
  }

  @Test
  void readsMsgItemsWithEmbeddedItemsAndAttachments() {
    assertThat(list("testMSG.msg")).containsExactly(
        "testMSG.msg\t1\tThu, 29 Jan 2009 20:16:40 +0100\tJukka Zitting <jukka.zitting@gmail.com>\tMIME registry use cases");
    // 8-bit string properties in Big5, known only from PR_INTERNET_CPID (olefile shows the same text).
    assertThat(list("testMSG_chinese.msg")).singleElement().asString()
        .endsWith("\t\"Tests Chang@FT (張毓倫)\" </O=FT GROUP/OU=FT/CN=RECIPIENTS/CN=LYDIACHANG>\tAlfresco MSG format testing ( MSG 格式測試 )");
    Map<String, String> embedded = parts("testMSG_att_msg.msg");
    assertThat(embedded).containsEntry("1:1", "Test email with 1 msg attachment, 1 pdf")
        .containsEntry("1:2.1", "Blah blah blah");
    assertThat(embedded.get("1:2.headers")).startsWith("Subject: Test Attachment");
    assertThat(embedded.get("1:3/smbprn.00009008.KdcPjl.pdf")).contains("Nick Booth");
    Map<String, String> withDoc = parts("testMSG_att_doc.msg");
    assertThat(withDoc.get("1:2/test-unicode.doc")).startsWith("école (00E9)");
    assertThat(withDoc.get("1:3/pj1.txt")).startsWith("école (00E9)");
  }

  @Test
  void opensTnefFilesAndTheirRtfBody() {
    Map<String, String> winmail = parts("testWINMAIL.dat");
    assertThat(winmail.keySet()).contains("1:1/quick.doc", "1:2/quick.html", "1:3/quick.pdf", "1:4/quick.txt",
        "1:5/quick.xml", "1:6/body.rtf");
    assertThat(winmail.get("1:3/quick.pdf")).isEqualTo("The quick brown fox jumps over the lazy dog");
    assertThat(parts("two-files.tnef").keySet()).containsExactly("1:headers", "1:1/AUTHORS", "1:2/README");
  }

  @Test
  void readsAppleMailAndMhFolders() {
    assertThat(list("Archive.mbox")).extracting(line -> line.split("\t")[0])
        .containsExactly("Archive.mbox/Messages/101.emlx", "Archive.mbox/Messages/102.emlx");
    assertThat(list("mh")).extracting(line -> line.split("\t")[0]).containsExactly("mh/inbox/1", "mh/inbox/2", "mh/inbox/3");
    assertThat(list("testEMLX.emlx")).singleElement().asString().endsWith("[jira] Commented: (TIKA-461) RFC822 messages not parsed");
  }

  @Test
  void readsAPartialAppleMailMessageWithTheAttachmentsStoredApart() {
    Map<String, String> parts = parts("apple-partial.mbox");
    assertThat(parts.get("1:headers")).startsWith("Subject: Fwd: Lorem ipsum");
    assertThat(parts).containsEntry("1:2/2.2_short.txt", "Short text.")
        .containsEntry("skipped:5/2.8_Mail-Anhang.png", "image");
    assertThat(parts.get("1:3/2.4_original.doc")).startsWith("Lorem ipsum dolor sit amet");
    assertThat(parts.get("1:4/2.6_text.txt")).startsWith("Damit Ihr indess erkennt");
  }
}
