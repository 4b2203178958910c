package dev.mailleaks.testdata;

import static dev.mailleaks.testdata.Encoders.utf8;

import dev.mailleaks.testdata.AttachmentFactory.ZipItem;
import dev.mailleaks.testdata.FakeSecrets.Secret;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** mbox/ (mboxrd, mboxo with CRLF, mboxcl2), maildir/ and compressed/ (gz, bz2, xz, zst, Takeout zip and tgz). */
final class MailboxFixtures extends FixtureFamily {

  static final String SENDER = "alice.ops@example.com";
  static final String TAKEOUT_MBOX = "Takeout/Mail/All mail Including Spam and Trash.mbox";

  MailboxFixtures(Path out, FakeSecrets secrets, Expectations exp) {
    super(out, secrets, exp, 303, ZonedDateTime.parse("2024-02-01T08:00:00Z"));
  }

  @Override
  void generate() {
    mboxrd();
    mboxoCrlf();
    mboxcl2();
    maildir();
    compressedMboxes();
    takeout();
  }

  /** An mbox being written: "From " separator, message, blank line; message numbers are 1-based. */
  private final class MboxWriter {
    private final List<byte[]> chunks = new ArrayList<>();
    private int count;

    int add(Mime message) {
      return add(message.render(), fromLine(SENDER));
    }

    int add(byte[] rendered, String separator) {
      chunks.add(utf8(separator + "\n"));
      chunks.add(rendered);
      chunks.add(utf8("\n"));
      return ++count;
    }

    byte[] bytes() {
      return concat(chunks);
    }
  }

  private Mime text(String subject, String body) {
    return Mime.text("Hi Bob,\n\n" + DISCLAIMER + "\n\n" + body + "\n\nAlice\n").asMessage(headers(subject));
  }

  /** mboxrd with LF: ">From " and ">>From " quoted lines, an unquoted "From the team:" body line. */
  private void mboxrd() {
    String src = "mbox/mboxrd.mbox";
    MboxWriter mbox = new MboxWriter();
    Secret awsId = secrets.awsAccessKeyId();
    Secret awsKey = secrets.awsSecretAccessKey("aws_secret_access_key = ");
    Mime m1 = text("Backup user",
        "Keys of the backup user:\naws_access_key_id = " + awsId.text() + "\n" + awsKey.text());
    int n1 = mbox.add(m1);
    exp.plant(src, n1, m1.path(), awsId, "mboxrd message 1");
    exp.plant(src, n1, m1.path(), awsKey, "mboxrd message 1");

    Secret npm = secrets.npmToken();
    Secret gh = secrets.githubClassicToken();
    // As stored (mboxrd): ">From here on" is the body line "From here on", ">>From the" is ">From the".
    Mime m2 = text("Re: registry", "Two things:\n>From here on the registry token is " + npm.text() + "\n\n"
        + "> Alice wrote last week:\n>>From the previous mail, the CI token: " + gh.text() + "\n> end of quote");
    int n2 = mbox.add(m2);
    exp.plant(src, n2, m2.path(), npm, "mboxrd: secret on a '>From ' line (unquotes to 'From ')");
    exp.plant(src, n2, m2.path(), gh, "mboxrd: secret on a '>>From ' line (unquotes to '>From ')");

    Secret hook = secrets.slackWebhook();
    Mime m3 = text("On-call changes", "The on-call rotation changes next week.\n\n"
        + "From the team: thanks for the quick fix yesterday!\n\nThe webhook for #deploys is " + hook.text());
    int n3 = mbox.add(m3);
    exp.plant(src, n3, m3.path(), hook, "mboxrd: after an unquoted 'From the team:' body line (not a separator)");

    Secret jwt = secrets.jwt();
    Mime env = Mime.attachment("application/octet-stream", "deploy.env",
        utf8("# mailleaks fixture, fake\nADMIN_API_TOKEN=" + jwt.text() + "\n"));
    Mime m4 = multipart("mixed", Mime.text("Hi Bob,\n\n" + DISCLAIMER + "\n\nThe env file.\n"), env)
        .asMessage(headers("deploy.env"));
    int n4 = mbox.add(m4);
    exp.plant(src, n4, env.path(), jwt, "mboxrd: base64 attachment");

    Secret rsa = secrets.rsaPrivateKey();
    Mime m5 = text("bastion key", "The bastion key, until we have a vault:\n\n" + rsa.text());
    int n5 = mbox.add(m5);
    exp.plant(src, n5, m5.path(), rsa, "mboxrd: PEM block in a 7bit body (LF)");

    Secret google = secrets.googleApiKey();
    Mime m6 = text("maps", "Please use " + google.text() + " for the maps widget from now on.");
    int n6 = mbox.add(m6);
    exp.plant(src, n6, m6.path(), google, "mboxrd: last message");
    write(src, mbox.bytes());
  }

  /** mboxo with CRLF line ends throughout (separators included). */
  private void mboxoCrlf() {
    String src = "mbox/mboxo-crlf.mbox";
    MboxWriter mbox = new MboxWriter();
    Secret pg = secrets.postgresUri();
    Mime m1 = text("orders db", "Orders database: " + pg.text());
    exp.plant(src, mbox.add(m1), m1.path(), pg, "mboxo with CRLF line ends");

    Secret sg = secrets.sendgridKey();
    Mime m2 = text("mail relay", "Quoted by mboxo on the way in:\n>From the relay team, the new key: " + sg.text());
    exp.plant(src, mbox.add(m2), m2.path(), sg, "mboxo with CRLF: secret on a '>From ' line");

    Secret sas = secrets.azureSasToken();
    Secret pw = secrets.labelledPassword("Password: ");
    Mime m3 = text("backup", "Download: " + sas.text() + "\nZip " + pw.text());
    int n3 = mbox.add(m3);
    exp.plant(src, n3, m3.path(), sas, "mboxo with CRLF, last message");
    exp.plant(src, n3, m3.path(), pw, "mboxo with CRLF, last message");
    write(src, Encoders.crlf(mbox.bytes()));
  }

  /** mboxcl2: Content-Length on every message; bodies hold unquoted lines that look like separators. */
  private void mboxcl2() {
    String src = "mbox/mboxcl2.mbox";
    String fake = "From someone@example.com Mon Jan  1 00:00:00 2024";
    MboxWriter mbox = new MboxWriter();
    Secret gl = secrets.gitlabToken();
    Mime m1 = text("quoted log", "Log excerpt:\n\n" + fake + "\nthe deploy token is " + gl.text());
    exp.plant(src, mbox.add(withContentLength(m1), fromLine(SENDER)), m1.path(), gl,
        "mboxcl2: after an unquoted separator-like body line (Content-Length says it is body)");

    Secret stripe = secrets.stripeKey();
    Secret mongo = secrets.mongodbUri();
    Mime m2 = text("two quotes", fake + "\n\n" + fake + "\nStripe: " + stripe.text() + "\n\n" + fake
        + "\nAnalytics: " + mongo.text());
    int n2 = mbox.add(withContentLength(m2), fromLine(SENDER));
    exp.plant(src, n2, m2.path(), stripe, "mboxcl2: between separator-like body lines");
    exp.plant(src, n2, m2.path(), mongo, "mboxcl2: after the third separator-like body line");

    Secret amqp = secrets.amqpUri();
    Mime m3 = text("queue", "Queue: " + amqp.text() + "\n\n" + fake);
    exp.plant(src, mbox.add(withContentLength(m3), fromLine(SENDER)), m3.path(), amqp,
        "mboxcl2: last message ends with a separator-like line");
    write(src, mbox.bytes());
  }

  /** Inserts a Content-Length header holding the exact body length in bytes. */
  private static byte[] withContentLength(Mime message) {
    String s = new String(message.render(), java.nio.charset.StandardCharsets.UTF_8);
    int split = s.indexOf("\n\n");
    String head = s.substring(0, split + 1);
    String body = s.substring(split + 2);
    return utf8(head + "Content-Length: " + utf8(body).length + "\n\n" + body);
  }

  /** Maildir with cur/, new/, tmp/ and a Maildir++ subfolder .Sent/cur/ plus its maildirfolder marker. */
  private void maildir() {
    Secret ssh = secrets.opensshPrivateKey();
    Mime cur = text("jump host", "The jump host key:\n\n" + ssh.text());
    maildirMessage("maildir/cur/1706774400.M100P4242.mailhost:2,S", cur, ssh, "Maildir cur/ (seen)");

    Secret stripe = secrets.stripeKey();
    Mime neu = text("payments", "Live key for the payments service: " + stripe.text());
    maildirMessage("maildir/new/1706778000.M101P4242.mailhost", neu, stripe, "Maildir new/");

    Secret google = secrets.googleApiKey();
    Mime tmp = text("maps", "Maps key: " + google.text());
    maildirMessage("maildir/tmp/1706781600.M102P4242.mailhost", tmp, google, "Maildir tmp/ (delivery in progress)");

    Secret awsId = secrets.awsAccessKeyId();
    Secret awsKey = secrets.awsSecretAccessKey("AWS secret access key: ");
    Mime sent = text("keys for Carol", "AWS access key id: " + awsId.text() + "\n" + awsKey.text());
    String sentPath = "maildir/.Sent/cur/1706785200.M103P4242.mailhost:2,S";
    maildirMessage(sentPath, sent, awsId, "Maildir++ subfolder .Sent/cur/");
    exp.plant(sentPath, 1, sent.path(), awsKey, "Maildir++ subfolder .Sent/cur/");
    write("maildir/.Sent/maildirfolder", new byte[0]);
    // The marker is mail-store metadata: counted as skipped, not an error record.
  }

  private void maildirMessage(String path, Mime message, Secret secret, String note) {
    write(path, message.render());
    exp.plant(path, 1, message.path(), secret, note);
  }

  /** The same kind of mbox compressed with gzip, bzip2, xz and zstd. */
  private void compressedMboxes() {
    compressed("compressed/archive-2021.mbox.gz", ".gz", AttachmentFactory::gzip,
        secrets.slackBotToken(), secrets.mongodbUri());
    compressed("compressed/archive-2022.mbox.bz2", ".bz2", AttachmentFactory::bzip2,
        secrets.gitlabToken(), secrets.mysqlUri());
    compressed("compressed/archive-2023.mbox.xz", ".xz", AttachmentFactory::xz,
        secrets.pgpPrivateKey(), secrets.npmToken());
    compressed("compressed/archive-2024.mbox.zst", ".zst", AttachmentFactory::zstd,
        secrets.jwt(), secrets.azureStorageKey());
  }

  private void compressed(String file, String suffix, UnaryOperator<byte[]> compressor, Secret first, Secret second) {
    String inner = file.substring(file.lastIndexOf('/') + 1, file.length() - suffix.length());
    String src = file + "!" + inner;
    MboxWriter mbox = new MboxWriter();
    Mime m1 = text("archived 1", "Found in the archive:\n\n" + first.text());
    exp.plant(src, mbox.add(m1), m1.path(), first, "mbox compressed with " + suffix.substring(1));
    Mime m2 = text("archived 2", "Nothing here but a greeting.");
    mbox.add(m2);
    Mime m3 = text("archived 3", "And this: " + second.text());
    exp.plant(src, mbox.add(m3), m3.path(), second, "mbox compressed with " + suffix.substring(1) + ", message 3");
    write(file, compressor.apply(mbox.bytes()));
  }

  /** Google-Takeout-like zip and tgz: Takeout/Mail/All mail Including Spam and Trash.mbox, Gmail separators. */
  private void takeout() {
    byte[] zipMbox = takeoutMbox("compressed/takeout.zip!" + TAKEOUT_MBOX, "Takeout zip");
    write("compressed/takeout.zip", AttachmentFactory.zip(
        new ZipItem("Takeout/archive_browser.html", utf8("<html><body>Takeout archive browser (fixture)"
            + "</body></html>\n")),
        new ZipItem(TAKEOUT_MBOX, zipMbox)));
    exp.error("compressed/takeout.zip!Takeout/archive_browser.html", "-", "-", "unsupported-input",
        "Takeout's HTML index next to the mbox: not mail (no finding in it)");
    byte[] tgzMbox = takeoutMbox("compressed/takeout.tgz!takeout.tar!" + TAKEOUT_MBOX, "Takeout tgz");
    write("compressed/takeout.tgz", AttachmentFactory.gzip(AttachmentFactory.tar(
        new ZipItem("Takeout/", new byte[0]), new ZipItem("Takeout/Mail/", new byte[0]),
        new ZipItem(TAKEOUT_MBOX, tgzMbox))));
  }

  private byte[] takeoutMbox(String src, String what) {
    DateTimeFormatter gmail = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH);
    MboxWriter mbox = new MboxWriter();
    Secret[] planted = {secrets.awsAccessKeyId(), secrets.sendgridKey(),
        secrets.basicAuthUrl("grafana", "grafana.acme.internal/d/ops")};
    String[] labels = {"Inbox,Important", "Sent", "Spam"};
    for (int i = 0; i < 3; i++) {
      List<String> h = new ArrayList<>();
      h.add("X-GM-THRID: 17" + hex(8).replaceAll("[a-f]", "7").substring(0, 15));
      h.add("X-Gmail-Labels: " + labels[i] + ",Opened");
      h.addAll(headers("Takeout mail " + (i + 1)));
      Mime m = Mime.text("Hi Bob,\n\n" + DISCLAIMER + "\n\nKey from the old account: " + planted[i].text() + "\n")
          .asMessage(h);
      String sep = "From 17" + hex(9).replaceAll("[a-f]", "3").substring(0, 17) + "@xxx "
          + gmail.format(now().withZoneSameInstant(ZoneOffset.UTC));
      int n = mbox.add(m.render(), sep);
      exp.plant(src, n, m.path(), planted[i], what + ": Gmail-style separator 'From <id>@xxx <date> +0000 <year>'");
    }
    return mbox.bytes();
  }
}
