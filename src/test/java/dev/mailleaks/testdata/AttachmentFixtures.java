package dev.mailleaks.testdata;

import static dev.mailleaks.testdata.Encoders.utf8;

import dev.mailleaks.testdata.AttachmentFactory.ZipItem;
import dev.mailleaks.testdata.FakeSecrets.Secret;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;

/** eml/attachments-*.eml: documents, data files, text encodings, containers and attached messages. */
final class AttachmentFixtures extends FixtureFamily {

  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
  static final String ODT = "application/vnd.oasis.opendocument.text";

  AttachmentFixtures(Path out, FakeSecrets secrets, Expectations exp) {
    super(out, secrets, exp, 202, ZonedDateTime.parse("2024-01-15T08:00:00Z"));
  }

  @Override
  void generate() {
    office();
    dataFiles();
    textEncodings();
    archives();
    messages();
  }

  private Mime intro(String what) {
    return Mime.text("Hi Bob,\n\n" + DISCLAIMER + "\n\nAttached: " + what + ".\n\nAlice\n");
  }

  /** PDF, DOCX, XLSX (secret on sheet 2 only), PPTX, ODT, RTF and a PNG without any secret. */
  private void office() {
    String src = "eml/attachments-office.eml";
    Secret awsId = secrets.awsAccessKeyId();
    Secret awsKey = secrets.awsSecretAccessKey("aws_secret_access_key = ");
    Secret mysql = secrets.mysqlUri();
    Secret google = secrets.googleApiKey();
    Secret slack = secrets.slackBotToken();
    Secret azure = secrets.azureStorageKey();
    Secret pat = secrets.githubFineGrainedToken();

    Mime pdf = Mime.attachment("application/pdf", "report.pdf", AttachmentFactory.pdf("Quarterly report", List.of(
        "Quarterly infrastructure report - mailleaks test fixture, all credentials are fake.", "",
        "Export user access key id: " + awsId.text(), awsKey.text(), "", "Rotate after the audit.")));
    Mime docx = Mime.attachment(DOCX, "runbook.docx", AttachmentFactory.docx(List.of(
        "Runbook: shop database (mailleaks fixture, fake credentials)",
        "Connect with " + mysql.text(), "Restart the replica afterwards.")));
    Mime xlsx = Mime.attachment(XLSX, "inventory.xlsx", AttachmentFactory.xlsx(
        "Summary", List.of(new String[] {"Item", "Count"}, new String[] {"Servers", "12"},
            new String[] {"Note", "mailleaks fixture: fake data"}),
        "Keys", List.of(new String[] {"Service", "Key"}, new String[] {"Maps", google.text()})));
    Mime pptx = Mime.attachment(PPTX, "onboarding.pptx", AttachmentFactory.pptx(List.of(
        "Onboarding (mailleaks fixture, fake credentials)", "Slack bot token: " + slack.text())));
    Mime odt = Mime.attachment(ODT, "handover.odt", AttachmentFactory.odt(List.of(
        "Handover (mailleaks fixture, fake credentials)", "Blob storage: " + azure.text())));
    Mime rtf = Mime.attachment("application/rtf", "notes.rtf", AttachmentFactory.rtf(List.of(
        "Notes (mailleaks fixture, fake credentials)", "Fine-grained token for the docs repo: " + pat.text())));
    Mime png = Mime.attachment("image/png", "logo.png", AttachmentFactory.png());
    Mime m = multipart("mixed", intro("the handover documents"), pdf, docx, xlsx, pptx, odt, rtf, png)
        .asMessage(headers("Handover documents"));
    writeEml(src, m);
    exp.plant(src, 1, pdf.path(), awsId, "PDF attachment (PDFBox, Helvetica text)");
    exp.plant(src, 1, pdf.path(), awsKey, "PDF attachment, labelled AWS secret key");
    exp.plant(src, 1, docx.path(), mysql, "DOCX attachment");
    exp.plant(src, 1, xlsx.path(), google, "XLSX attachment: secret on the second sheet only");
    exp.plant(src, 1, pptx.path(), slack, "PPTX attachment");
    exp.plant(src, 1, odt.path(), azure, "ODT attachment (hand-written zip)");
    exp.plant(src, 1, rtf.path(), pat, "RTF attachment (hand-written)");
  }

  /** CSV, TSV, JSON, XML (attribute), YAML, .env, .properties, .ini. */
  private void dataFiles() {
    String src = "eml/attachments-data.eml";
    Secret npm = secrets.npmToken();
    Secret gitlab = secrets.gitlabToken();
    Secret sendgrid = secrets.sendgridKey();
    Secret jwt = secrets.jwt();
    Secret hook = secrets.slackWebhook();
    Secret stripe = secrets.stripeKey();
    Secret postgres = secrets.postgresUri();
    Secret jdbc = secrets.jdbcUrl();
    Secret redis = secrets.redisUri();
    Secret amqp = secrets.amqpUri();
    Secret pwd = secrets.labelledPassword("pwd=");

    Mime csv = Mime.attachment("text/csv", "users.csv", utf8(
        "# mailleaks fixture, fake credentials\nname,email,npm_token\nci-publisher,ci@acme.internal,"
            + npm.text() + "\nweb,web@acme.internal,\n"));
    Mime tsv = Mime.attachment("text/tab-separated-values", "tokens.tsv", utf8(
        "service\towner\ttoken\ngitlab\tplatform\t" + gitlab.text() + "\nwiki\tdocs\tnone\n"));
    Mime json = Mime.attachment("application/json", "settings.json", utf8("{\n  \"_comment\": \"mailleaks fixture, "
        + "fake credentials\",\n  \"mail\": {\n    \"provider\": \"sendgrid\",\n    \"api_key\": \""
        + sendgrid.text() + "\"\n  }\n}\n"));
    Mime xml = Mime.attachment("application/xml", "services.xml", utf8(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- mailleaks fixture, fake credentials -->\n<services>\n"
            + "  <service name=\"billing\" url=\"https://billing.acme.internal/api\" token=\"" + jwt.text()
            + "\"/>\n</services>\n"));
    Mime yaml = Mime.attachment("application/yaml", "values.yaml", utf8(
        "# mailleaks fixture, fake credentials\nalerts:\n  slack:\n    channel: \"#deploys\"\n    webhook_url: "
            + hook.text() + "\n"));
    Mime env = Mime.attachment("application/octet-stream", ".env", utf8(
        "# mailleaks fixture, fake credentials\nSTRIPE_SECRET_KEY=" + stripe.text() + "\nDATABASE_URL="
            + postgres.text() + "\nLOG_LEVEL=info\n"));
    Mime props = Mime.attachment("text/x-java-properties", "application.properties", utf8(
        "# mailleaks fixture, fake credentials\nspring.datasource.url=" + jdbc.text()
            + "\nspring.jpa.open-in-view=false\n"));
    Mime ini = Mime.attachment("application/octet-stream", "settings.ini", utf8(
        "; mailleaks fixture, fake credentials\n[cache]\nurl = " + redis.text() + "\n\n[queue]\nurl = "
            + amqp.text() + "\n\n[legacy-odbc]\ndriver=FreeTDS\nuid=reporting\n" + pwd.text() + "\n"));
    Mime m = multipart("mixed", intro("the config files"), csv, tsv, json, xml, yaml, env, props, ini)
        .asMessage(headers("Config files for the migration"));
    writeEml(src, m);
    exp.plant(src, 1, csv.path(), npm, "CSV attachment");
    exp.plant(src, 1, tsv.path(), gitlab, "TSV attachment");
    exp.plant(src, 1, json.path(), sendgrid, "JSON attachment");
    exp.plant(src, 1, xml.path(), jwt, "XML attachment: secret in an attribute value");
    exp.plant(src, 1, yaml.path(), hook, "YAML attachment");
    exp.plant(src, 1, env.path(), stripe, ".env attachment (application/octet-stream)");
    exp.plant(src, 1, env.path(), postgres, ".env attachment (application/octet-stream)");
    exp.plant(src, 1, props.path(), jdbc, ".properties attachment");
    exp.plant(src, 1, ini.path(), redis, ".ini attachment");
    exp.plant(src, 1, ini.path(), amqp, ".ini attachment");
    exp.plant(src, 1, ini.path(), pwd, ".ini attachment, pwd= label");
  }

  /** ICS and VCF with folded lines splitting the secret, UTF-16LE with and without BOM, HTML file, PGP key. */
  private void textEncodings() {
    String src = "eml/attachments-text.eml";
    Secret postgres = secrets.postgresUri();
    Secret gh = secrets.githubClassicToken();
    Secret mongo = secrets.mongodbUri();
    Secret slack = secrets.slackBotToken();
    Secret stripe = secrets.stripeKey();
    Secret pgp = secrets.pgpPrivateKey();

    byte[] ics = crlfLines(List.of("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//mailleaks//fixture//EN",
        "METHOD:REQUEST", "BEGIN:VEVENT", "UID:dryrun-20240115@acme.internal", "DTSTAMP:20240102T030406Z",
        "DTSTART:20240122T090000Z", "DTEND:20240122T100000Z",
        "SUMMARY:DB migration dry run (mailleaks fixture\\, fake credentials)",
        "DESCRIPTION:Staging database for the dry run: " + postgres.text(), "END:VEVENT", "END:VCALENDAR"));
    assertAbsent(ics, postgres.value(), "ICS folding splits the password");
    byte[] vcf = crlfLines(List.of("BEGIN:VCARD", "VERSION:3.0", "FN:Build Bot", "N:Bot;Build;;;",
        "EMAIL:build-bot@acme.internal", "NOTE:Personal access token of the build bot (fake fixture): " + gh.text(),
        "END:VCARD"));
    assertAbsent(vcf, gh.value(), "VCF folding splits the token");
    byte[] bom = concat(List.of(new byte[] {(byte) 0xFF, (byte) 0xFE}, ("Export from the old wiki (mailleaks fixture,"
        + " fake credentials)\r\nAnalytics cluster: " + mongo.text() + "\r\n").getBytes(StandardCharsets.UTF_16LE)));
    byte[] noBom = ("Export from the chat tool (mailleaks fixture, fake credentials)\r\nBot token: " + slack.text()
        + "\r\n").getBytes(StandardCharsets.UTF_16LE);
    byte[] html = utf8("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Payments wiki</title></head>"
        + "<body><h1>Payments</h1><p>mailleaks fixture, fake credentials.</p>\n<p>Live key: <code>"
        + stripe.text() + "</code></p></body></html>\n");

    Mime icsPart = Mime.attachment("text/calendar; charset=UTF-8; method=REQUEST", "invite.ics", ics);
    Mime vcfPart = Mime.attachment("text/vcard; charset=UTF-8", "build-bot.vcf", vcf);
    Mime bomPart = Mime.attachment("text/plain", "wiki-export.txt", bom);
    Mime noBomPart = Mime.attachment("text/plain; charset=UTF-16LE", "chat-export.txt", noBom);
    Mime htmlPart = Mime.attachment("text/html; charset=UTF-8", "payments-wiki.html", html);
    Mime pgpPart = Mime.attachment("application/pgp-keys", "backup-key.asc",
        utf8("Backup signing key (mailleaks fixture, fake)\n\n" + pgp.text() + "\n"));
    Mime m = multipart("mixed", intro("calendar invite, contact, exports, wiki page and key"), icsPart, vcfPart,
        bomPart, noBomPart, htmlPart, pgpPart).asMessage(headers("Exports and invite"));
    writeEml(src, m);
    exp.plant(src, 1, icsPart.path(), postgres, "ICS: folded DESCRIPTION line (CRLF + space) splits the password");
    exp.plant(src, 1, vcfPart.path(), gh, "VCF: folded NOTE line (CRLF + space) splits the token");
    exp.plant(src, 1, bomPart.path(), mongo, "UTF-16LE text with BOM, no charset declared");
    exp.plant(src, 1, noBomPart.path(), slack, "UTF-16LE text without BOM, charset=UTF-16LE declared");
    exp.plant(src, 1, htmlPart.path(), stripe, "HTML file attachment");
    exp.plant(src, 1, pgpPart.path(), pgp, "PGP private key block in an .asc attachment");
  }

  /** Zip, tar.gz holding a zip, 7z, and a zip holding an .eml. */
  private void archives() {
    String src = "eml/attachments-archives.eml";
    Secret sendgrid = secrets.sendgridKey();
    Secret gitlab = secrets.gitlabToken();
    Secret awsId = secrets.awsAccessKeyId();
    Secret awsKey = secrets.awsSecretAccessKey("AWS secret access key: ");
    Secret google = secrets.googleApiKey();

    byte[] configZip = AttachmentFactory.zip(
        new ZipItem("config/app.yaml", utf8("server:\n  port: 8080\n")),
        new ZipItem("config/.env", utf8("# mailleaks fixture, fake credentials\nSENDGRID_API_KEY="
            + sendgrid.text() + "\n")));
    byte[] innerZip = AttachmentFactory.zip(new ZipItem(".env", utf8("# mailleaks fixture, fake\nGITLAB_TOKEN="
        + gitlab.text() + "\n")));
    byte[] tarGz = AttachmentFactory.gzip(AttachmentFactory.tar(
        new ZipItem("README.txt", utf8("Deployment bundle (mailleaks fixture).\n")),
        new ZipItem("inner.zip", innerZip)));
    byte[] sevenZ = AttachmentFactory.sevenZ(new ZipItem("credentials.txt", utf8(
        "mailleaks fixture, fake credentials\nAWS access key id: " + awsId.text() + "\n" + awsKey.text() + "\n")));
    Mime handover = Mime.text("Hi,\n\n" + DISCLAIMER + "\n\nMaps key for the handover: " + google.text() + "\n")
        .asMessage(headers("Handover 2019"));
    byte[] mailsZip = AttachmentFactory.zip(new ZipItem("handover.eml", Encoders.crlf(handover.render())));

    Mime zip = Mime.attachment("application/zip", "config.zip", configZip);
    Mime tgz = Mime.attachment("application/gzip", "bundle.tar.gz", tarGz);
    Mime sz = Mime.attachment("application/x-7z-compressed", "notes.7z", sevenZ);
    Mime mails = Mime.attachment("application/zip", "mails.zip", mailsZip);
    Mime m = multipart("mixed", intro("config, bundle, notes and old mails"), zip, tgz, sz, mails)
        .asMessage(headers("Archives"));
    writeEml(src, m);
    exp.plant(src, 1, zip.path() + "!config/.env", sendgrid, "zip attachment, entry in a folder");
    exp.plant(src, 1, tgz.path() + "!bundle.tar!inner.zip!.env", gitlab, "tar.gz holding a zip holding a .env");
    exp.plant(src, 1, sz.path() + "!credentials.txt", awsId, "7z attachment");
    exp.plant(src, 1, sz.path() + "!credentials.txt", awsKey, "7z attachment, 'AWS secret access key:' label");
    exp.plant(src, 1, mails.path() + "!handover.eml!" + handover.path(), google, "zip holding an .eml message");
  }

  /** A forwarded message/rfc822 (secrets in its Subject, body and attachment) and an attached old.eml. */
  private void messages() {
    String src = "eml/attachments-messages.eml";
    Secret stripe = secrets.stripeKey();
    Secret pw = secrets.labelledPassword("password: ");
    Secret npm = secrets.npmToken();
    Secret redis = secrets.redisUri();
    Secret google = secrets.googleApiKey();

    List<String> fwdHeaders = headers("Carol Sec <carol.sec@example.net>", "Alice Ops <alice.ops@example.com>",
        "Stripe live key rotated: " + stripe.text());
    Mime fwdText = Mime.text("Alice,\n\n" + DISCLAIMER + "\n\nThe payments admin " + pw.text() + "\n\nCarol\n");
    Mime fwdEnv = Mime.attachment("application/octet-stream", "deploy.env",
        utf8("# mailleaks fixture, fake\nNPM_TOKEN=" + npm.text() + "\n"));
    Mime forwarded = multipart("mixed", fwdText, fwdEnv).asMessage(fwdHeaders);
    Mime rfc822 = Mime.rfc822(forwarded);

    List<String> oldHeaders = headers("Dave Old <dave.old@example.net>", "Alice Ops <alice.ops@example.com>",
        "Maps key " + google.text());
    Mime old = Mime.text("Alice,\n\n" + DISCLAIMER + "\n\nSession cache: " + redis.text() + "\n\nDave\n")
        .asMessage(oldHeaders);
    Mime oldEml = Mime.attachment("application/octet-stream", "old.eml", Encoders.crlf(old.render()));

    Mime m = multipart("mixed", Mime.text("Hi Bob,\n\n" + DISCLAIMER + "\n\nForwarding two old mails.\n"), rfc822,
        oldEml).asMessage(headers("Fwd: two old mails"));
    writeEml(src, m);
    exp.plant(src, 1, forwarded.headersPath(), stripe, "message/rfc822 part: secret in the encapsulated Subject");
    exp.plant(src, 1, fwdText.path(), pw, "message/rfc822 part: secret in the encapsulated text body");
    exp.plant(src, 1, fwdEnv.path(), npm, "message/rfc822 part: attachment of the encapsulated message");
    exp.plant(src, 1, oldEml.path() + "!" + old.path(), redis, "attached .eml (application/octet-stream) body");
    exp.plant(src, 1, oldEml.path() + "!" + old.headersPath(), google,
        "attached .eml (application/octet-stream) Subject");
  }

  private static byte[] crlfLines(List<String> lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String line : lines) {
      for (String folded : Encoders.fold(line)) {
        out.writeBytes(utf8(folded + "\r\n"));
      }
    }
    return out.toByteArray();
  }
}
