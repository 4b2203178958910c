package dev.mailleaks.testdata;

import static dev.mailleaks.testdata.Encoders.utf8;

import dev.mailleaks.testdata.AttachmentFactory.ZipItem;
import dev.mailleaks.testdata.FakeSecrets.Secret;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** broken/: corrupt attachments, resource-limit cases, truncated input and a file that is not mail. */
final class BrokenFixtures extends FixtureFamily {

  /** Defaults of the scanner's guards, as given in the brief. */
  static final int MAX_DEPTH = 10;
  static final int MAX_PARTS = 1000;
  static final long BOMB_SIZE = 100L << 20;

  BrokenFixtures(Path out, FakeSecrets secrets, Expectations exp) {
    super(out, secrets, exp, 404, ZonedDateTime.parse("2024-03-01T08:00:00Z"));
  }

  @Override
  void generate() {
    corruptPdf();
    zipBomb();
    nestedZips();
    tooManyParts();
    truncatedBase64();
    truncatedMbox();
    notMail();
  }

  private Mime note(String body) {
    return Mime.text("Hi Bob,\n\n" + DISCLAIMER + "\n\n" + body + "\n\nAlice\n");
  }

  private void corruptPdf() {
    String src = "broken/corrupt-pdf.eml";
    Secret slack = secrets.slackBotToken();
    byte[] garbage = secrets.bytes(3000);
    byte[] pdf = concat(List.of(Encoders.latin1("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n"), garbage));
    Mime text = note("The statement is attached; the bot token for the upload is " + slack.text());
    Mime att = Mime.attachment("application/pdf", "statement.pdf", pdf);
    Mime m = multipart("mixed", text, att).asMessage(headers("Statement"));
    writeEml(src, m);
    exp.plant(src, 1, text.path(), slack, "text body next to a corrupt PDF attachment");
    exp.error(src, "1", att.path(), "parser-error", "PDF header followed by random bytes: no objects, no xref");
  }

  private void zipBomb() {
    String src = "broken/zip-bomb.eml";
    Secret gh = secrets.githubClassicToken();
    byte[] zip = AttachmentFactory.zip(Map.of("zeros.bin", BOMB_SIZE),
        List.of(new ZipItem(".env", utf8("# mailleaks fixture, fake\nGITHUB_TOKEN=" + gh.text() + "\n"))));
    Mime att = Mime.attachment("application/zip", "logs.zip", zip);
    Mime m = multipart("mixed", note("Logs attached."), att).asMessage(headers("logs"));
    writeEml(src, m);
    exp.plant(src, 1, att.path() + "!.env", gh, "good entry after a zip bomb entry in the same zip");
    exp.error(src, "1", att.path() + "!zeros.bin", "limit-ratio",
        "100 MiB of zeros deflated to ~100 KiB (ratio ~1000 > 100 after 1 MiB)");
  }

  /** level01.zip holds level02.zip ... level15.zip; secrets at level 3 (found) and level 15 (beyond the limit). */
  private void nestedZips() {
    String src = "broken/nested-zip-15.eml";
    Secret shallow = secrets.sendgridKey();
    Secret deep = secrets.npmToken();
    byte[] inner = null;
    for (int level = 15; level >= 1; level--) {
      List<ZipItem> items = new ArrayList<>();
      if (inner != null) {
        items.add(new ZipItem(levelName(level + 1), inner));
      }
      if (level == 3) {
        items.add(new ZipItem("level03-secret.env", utf8("SENDGRID_API_KEY=" + shallow.text() + "\n")));
      }
      if (level == 15) {
        items.add(new ZipItem("level15-secret.env", utf8("NPM_TOKEN=" + deep.text() + "\n")));
      }
      inner = AttachmentFactory.zip(Map.of(), items);
    }
    Mime att = Mime.attachment("application/zip", levelName(1), inner);
    Mime m = multipart("mixed", note("Russian dolls, 15 zips deep."), att).asMessage(headers("nested"));
    writeEml(src, m);
    StringBuilder path = new StringBuilder(att.path());
    for (int level = 2; level <= 3; level++) {
      path.append('!').append(levelName(level));
    }
    exp.plant(src, 1, path + "!level03-secret.env", shallow, "zip nested 3 deep (within the depth limit)");
    for (int level = 4; level <= MAX_DEPTH + 1; level++) {
      path.append('!').append(levelName(level));
    }
    exp.error(src, "1", path.toString(), "limit-depth", "zips nested 15 deep, default limit " + MAX_DEPTH
        + " containers: level11.zip is not opened and the npm token in level15-secret.env must NOT be reported");
  }

  private static String levelName(int level) {
    return String.format(Locale.ROOT, "level%02d.zip", level);
  }

  /** 1,200 tiny parts: part 5 is within the cap of 1,000 parts, part 1,150 is beyond it. */
  private void tooManyParts() {
    String src = "broken/many-parts.eml";
    Secret early = secrets.googleApiKey();
    Secret late = secrets.stripeKey();
    Mime[] parts = new Mime[1200];
    for (int i = 1; i <= parts.length; i++) {
      String text = "Part " + i + " of 1200.";
      if (i == 5) {
        text += " Maps key: " + early.text();
      } else if (i == 1150) {
        text += " Stripe key: " + late.text();
      }
      parts[i - 1] = Mime.leaf("text/plain; charset=us-ascii", null, text + "\n");
    }
    Mime m = multipart("mixed", parts).asMessage(headers("1200 parts " + DISCLAIMER));
    writeEml(src, m);
    exp.plant(src, 1, m.child(5).path(), early, "part 5 of 1,200 (within the default cap of 1,000 parts)");
    exp.error(src, "1", m.child(MAX_PARTS + 1).path(), "limit-parts", "1,200 parts, default cap " + MAX_PARTS
        + ", first part not examined: the Stripe key in part " + m.child(1150).path() + " must NOT be reported");
  }

  /** Cut in the middle of a base64 attachment, closing boundary missing. */
  private void truncatedBase64() {
    String src = "broken/truncated-base64.eml";
    Secret pw = secrets.labelledPassword("password: ");
    Secret redis = secrets.redisUri();
    StringBuilder log = new StringBuilder("2024-03-01T08:00:00Z INFO start (mailleaks fixture, fake credentials)\n"
        + "2024-03-01T08:00:01Z INFO cache " + redis.text() + "\n");
    for (int i = 2; i < 60; i++) {
      log.append(String.format(Locale.ROOT, "2024-03-01T08:00:%02dZ INFO request %d served in %d ms%n",
          i, 1000 + i, 3 + i % 17).replace("\r", ""));
    }
    String b64 = Encoders.base64(utf8(log.toString()), 76);
    int cut = b64.length() * 3 / 5;
    cut = b64.lastIndexOf('\n', cut) + 31;
    Mime text = note("The server log is attached. The admin " + pw.text() + " expires on Friday.");
    Mime att = Mime.leaf("text/plain; charset=UTF-8; name=\"server.log\"", "base64", b64.substring(0, cut))
        .header("Content-Disposition: attachment; filename=\"server.log\"").fileName("server.log");
    Mime m = multipart("mixed", text, att).withoutClosingBoundary().asMessage(headers("server log"));
    byte[] raw = Encoders.crlf(m.render());
    raw = Arrays.copyOf(raw, raw.length - 2); // the renderer's CRLF after the cut part
    write(src, raw);
    exp.plant(src, 1, text.path(), pw, "text body before an attachment cut off mid-base64");
    exp.plant(src, 1, att.path(), redis, "readable prefix of a base64 attachment that is cut off");
    exp.error(src, "1", "2", "corrupt-message", "file ends inside the base64 of part 2; closing boundary missing");
  }

  /** An mbox whose last message is cut off in the middle of an attachment. */
  private void truncatedMbox() {
    String src = "broken/truncated.mbox";
    List<byte[]> chunks = new ArrayList<>();
    Secret gl = secrets.gitlabToken();
    Secret ssh = secrets.basicAuthUrl("backup", "nas.acme.internal/share/");
    Secret jwt = secrets.jwt();
    Mime m1 = note("Token: " + gl.text()).asMessage(headers("one"));
    Mime m2 = note("Backups: " + ssh.text()).asMessage(headers("two"));
    Mime body3 = note("Admin session: " + jwt.text());
    Mime att = Mime.attachment("text/plain", "notes.txt",
        utf8("Meeting notes, nothing secret in here.\n".repeat(60)));
    Mime m3 = multipart("mixed", body3, att).asMessage(headers("three"));
    for (Mime m : List.of(m1, m2)) {
      chunks.add(utf8(fromLine("alice.ops@example.com") + "\n"));
      chunks.add(m.render());
      chunks.add(utf8("\n"));
    }
    chunks.add(utf8(fromLine("alice.ops@example.com") + "\n"));
    byte[] third = m3.render();
    int cut = Encoders.indexOf(third, utf8("Content-Disposition: attachment")) + 900;
    chunks.add(Arrays.copyOf(third, cut));
    write(src, concat(chunks));
    exp.plant(src, 1, m1.path(), gl, "truncated mbox: complete message 1");
    exp.plant(src, 2, m2.path(), ssh, "truncated mbox: complete message 2");
    exp.plant(src, 3, body3.path(), jwt, "truncated mbox: text part of the cut-off last message");
    exp.error(src, "3", "2", "corrupt-message", "mbox ends inside the base64 attachment of its last message");
  }

  private void notMail() {
    write("broken/notmail.mbox", secrets.bytes(4096));
    exp.error("broken/notmail.mbox", "-", "-", "unsupported-input", "4 KiB of random bytes named .mbox");
  }
}
