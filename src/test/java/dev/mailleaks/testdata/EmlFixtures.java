package dev.mailleaks.testdata;

import static dev.mailleaks.testdata.Encoders.latin1;
import static dev.mailleaks.testdata.Encoders.utf8;

import dev.mailleaks.testdata.FakeSecrets.Secret;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** eml/: one single-message file per transfer encoding, charset and header case (CRLF line ends). */
final class EmlFixtures extends FixtureFamily {

  EmlFixtures(Path out, FakeSecrets secrets, Expectations exp) {
    super(out, secrets, exp, 101, ZonedDateTime.parse("2024-01-08T08:00:00Z"));
  }

  @Override
  void generate() {
    base64Body();
    base64Broken();
    quotedPrintable();
    latin1WithoutCharset();
    charsetMislabelled();
    subjectEncodedWordB();
    subjectEncodedWordQ();
    customHeader();
    dkimAndMessageIdNoise();
    rfc2231FileName();
    formatFlowed();
    htmlOnly();
    alternativeSameSecret();
    sameSecretTwice();
    uuencodedFile();
  }

  private void base64Body() {
    String src = "eml/base64-body.eml";
    Secret key = secrets.rsaPrivateKey();
    Secret jwt = secrets.jwt();
    String text = "Hi Bob,\n\n" + DISCLAIMER + "\n\nAs discussed, the deploy key of the staging bastion:\n\n"
        + key.text() + "\n\nand the session token for the admin API:\n" + jwt.text() + "\n\nCheers,\nAlice\n";
    Mime m = Mime.leaf("text/plain; charset=UTF-8", "base64", Encoders.base64(utf8(text), 76))
        .asMessage(headers("Staging bastion access"));
    writeEml(src, m);
    exp.plant(src, 1, m.path(), key, "base64 body in 76-column lines; PEM block has \\n line ends once decoded");
    exp.plant(src, 1, m.path(), jwt, "base64 body in 76-column lines");
  }

  /** Base64 with irregular line lengths, stray spaces, missing padding (part 1) and surplus padding (part 2). */
  private void base64Broken() {
    String src = "eml/base64-broken.eml";
    Secret google = secrets.googleApiKey();
    Secret sendgrid = secrets.sendgridKey();
    Secret sas = secrets.azureSasToken();
    String text1 = "Hi Bob,\n\n" + DISCLAIMER + "\n\nMaps key for the store locator: " + google.text()
        + "\nMail relay key: " + sendgrid.text() + "\n\nThis body was mangled by an old gateway.\n";
    while (utf8(text1).length % 3 == 0) {
      text1 += "-";
    }
    String b64 = Base64.getEncoder().encodeToString(utf8(text1)).replace("=", "");
    int[] widths = {60, 81, 17, 76, 100, 33, 72};
    StringBuilder mangled = new StringBuilder();
    int line = 0;
    for (int i = 0; i < b64.length(); line++) {
      int end = Math.min(b64.length(), i + widths[line % widths.length]);
      String chunk = b64.substring(i, end);
      if (line % 3 == 1 && chunk.length() > 12) {
        chunk = chunk.substring(0, 11) + " " + chunk.substring(11);
      }
      mangled.append(chunk).append(line % 2 == 0 ? "  \n" : "\n");
      i = end;
    }
    String text2 = "Backup download link (expires 2030): " + sas.text() + "\n";
    while (utf8(text2).length % 3 != 2) {
      text2 += ".";
    }
    String b64two = Base64.getEncoder().encodeToString(utf8(text2));
    if (!b64two.endsWith("=") || b64two.endsWith("==")) {
      throw new IllegalStateException("expected single padding");
    }
    Mime part1 = Mime.leaf("text/plain; charset=UTF-8", "base64", mangled.toString());
    Mime part2 = Mime.leaf("text/plain; charset=UTF-8", "base64", FakeSecrets.wrap(b64two + "=", 76));
    Mime m = multipart("mixed", part1, part2).asMessage(headers("Fwd: keys (mangled by the gateway)"));
    writeEml(src, m);
    exp.plant(src, 1, part1.path(), google, "base64 with irregular line lengths, stray spaces and missing padding");
    exp.plant(src, 1, part1.path(), sendgrid, "base64 with irregular line lengths, stray spaces and missing padding");
    exp.plant(src, 1, part2.path(), sas, "base64 with surplus padding (== where = is due)");
  }

  /** Quoted-printable written by hand: soft line breaks inside secrets, "=3D" in password=3D.... */
  private void quotedPrintable() {
    String src = "eml/quoted-printable.eml";
    Secret gh = secrets.githubClassicToken();
    Secret stripe = secrets.stripeKey();
    Secret pw = secrets.labelledPassword("password=");
    String g = gh.value();
    String s = stripe.value();
    String body = "Hallo Bob,\n\n" + DISCLAIMER + "\n\n"
        + "der neue GitHub-Token f=C3=BCr die Pipeline lautet " + g.substring(0, 17) + "=\n"
        + g.substring(17) + " (bitte nicht weitergeben).\n\n"
        + "Stripe live: " + s.substring(0, 12) + "=\n" + s.substring(12, 20) + "=\n" + s.substring(20) + "\n\n"
        + "Zugang zur Reporting-DB: user=3Dsvc_reporting password=3D" + pw.value() + "\n\n"
        + "Gr=C3=BC=C3=9Fe, Alice\n";
    Mime m = Mime.leaf("text/plain; charset=UTF-8", "quoted-printable", body)
        .asMessage(headers("Zugangsdaten Pipeline"));
    writeEml(src, m);
    byte[] raw = utf8(body);
    assertAbsent(raw, g, "QP soft break splits the token");
    assertAbsent(raw, s, "QP soft breaks split the key");
    assertAbsent(raw, pw.text(), "password written as password=3D...");
    exp.plant(src, 1, m.path(), gh, "quoted-printable soft line break splits the token");
    exp.plant(src, 1, m.path(), stripe, "quoted-printable: two soft line breaks split the key");
    exp.plant(src, 1, m.path(), pw, "quoted-printable password=3D... decodes to password=...");
  }

  /** 8bit ISO-8859-1 body, Content-Type without charset. */
  private void latin1WithoutCharset() {
    String src = "eml/latin1-8bit-no-charset.eml";
    Secret pw = secrets.labelledPassword("Passwort: ");
    Secret aws = secrets.awsAccessKeyId();
    String text = "Grüß Gott Bob,\n\n" + DISCLAIMER + "\n\nfür das Kundenportal Süd gilt ab Montag:\n"
        + "Benutzer: portal-admin\n" + pw.text() + "\n\n"
        + "Der Zugriffsschlüssel für den Export-Bucket lautet " + aws.text() + " (gültig bis März).\n\n"
        + "Mit freundlichen Grüßen\nAlice Müller\n";
    Mime m = Mime.leaf("text/plain", "8bit", latin1(text)).asMessage(headers("Zugang Kundenportal"));
    writeEml(src, m);
    exp.plant(src, 1, m.path(), pw, "8bit ISO-8859-1 body with no charset declared");
    exp.plant(src, 1, m.path(), aws, "8bit ISO-8859-1 body with no charset declared");
  }

  /** Parts declared us-ascii that hold UTF-8 (part 1) and ISO-8859-1 (part 2) bytes. */
  private void charsetMislabelled() {
    String src = "eml/charset-mislabelled.eml";
    Secret slack = secrets.slackBotToken();
    Secret stripe = secrets.stripeKey();
    Mime p1 = Mime.leaf("text/plain; charset=us-ascii", "8bit",
        utf8("Grüße aus Köln — " + DISCLAIMER + "\nDer neue Slack-Bot-Token: " + slack.text() + " – danke!\n"));
    Mime p2 = Mime.leaf("text/plain; charset=us-ascii", "8bit",
        latin1("Schöne Grüße, hier der Stripe-Schlüssel: " + stripe.text() + " (für Zahlungen).\n"));
    Mime m = multipart("mixed", p1, p2).asMessage(headers("Tokens"));
    writeEml(src, m);
    exp.plant(src, 1, p1.path(), slack, "declared us-ascii but holds UTF-8 bytes");
    exp.plant(src, 1, p2.path(), stripe, "declared us-ascii but holds ISO-8859-1 bytes");
  }

  /** Subject in two RFC 2047 B words on folded lines; the token is split across the two words. */
  private void subjectEncodedWordB() {
    String src = "eml/subject-rfc2047-b.eml";
    Secret gh = secrets.githubClassicToken();
    String first = "Zugang für den Build-Bot: " + gh.value().substring(0, 14);
    String second = gh.value().substring(14);
    List<String> h = headers("x");
    h.set(2, "Subject: " + Encoders.encodedWordB(first) + "\n " + Encoders.encodedWordB(second));
    Mime m = Mime.text("Hi Bob,\n\n" + DISCLAIMER + "\nThe token is in the subject line.\n").asMessage(h);
    writeEml(src, m);
    exp.plant(src, 1, m.headersPath(), gh, "Subject: RFC 2047 B encoded words, token split across two adjacent words");
  }

  /** Subject in RFC 2047 Q encoding; the token holds '_' which Q must write as =5F. */
  private void subjectEncodedWordQ() {
    String src = "eml/subject-rfc2047-q.eml";
    Secret gl = secrets.gitlabTokenWithUnderscore();
    List<String> h = headers("x");
    h.set(2, "Subject: " + Encoders.encodedWordQ("Neuer GitLab-Token für CI: ") + "\n "
        + Encoders.encodedWordQ(gl.value()));
    Mime m = Mime.text("Hallo Bob,\n\n" + DISCLAIMER + "\nDer Token steht im Betreff.\n").asMessage(h);
    writeEml(src, m);
    exp.plant(src, 1, m.headersPath(), gl, "Subject: RFC 2047 Q encoded word, '_' in the token written as =5F");
  }

  private void customHeader() {
    String src = "eml/custom-header.eml";
    Secret pat = secrets.githubFineGrainedToken();
    List<String> h = headers("Deployment 2024.01.3 finished");
    h.add("X-Deploy-Token: " + pat.text());
    Mime m = Mime.text("Deployment finished without errors.\n" + DISCLAIMER + "\n").asMessage(h);
    writeEml(src, m);
    exp.plant(src, 1, m.headersPath(), pat, "secret in a custom X-Deploy-Token header");
  }

  /** Long random strings in DKIM-Signature, ARC and Message-ID: no finding at all. */
  private void dkimAndMessageIdNoise() {
    String src = "eml/dkim-message-id-noise.eml";
    String b64 = FakeSecrets.ALNUM + "+/";
    List<String> h = new ArrayList<>();
    h.add("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com; s=20230601;\n"
        + " t=1704700000; x=1705304800; h=to:subject:message-id:date:from:mime-version\n"
        + " :from:to:cc:subject:date:message-id:reply-to;\n"
        + " bh=" + secrets.noise(b64, 43) + "=;\n"
        + " b=" + String.join("\n ", splitEvery(secrets.noise(b64, 342) + "==", 70)));
    h.add("X-Google-Smtp-Source: AGHT+" + secrets.noise(b64, 80));
    h.add("ARC-Seal: i=1; a=rsa-sha256; t=1704700000; cv=none; d=example.com; s=arc-20160816;\n"
        + " b=" + String.join("\n ", splitEvery(secrets.noise(b64, 342) + "==", 70)));
    h.addAll(headers("Lunch on Friday?"));
    h.set(h.size() - 1, "Message-ID: <CAF" + secrets.noise(FakeSecrets.ALNUM + "-_", 62) + "@mail.example.com>");
    Mime m = Mime.text("Hi Bob,\n\nlunch on Friday at noon? No credentials in this one; only the headers carry\n"
        + "long random strings, and none of them may be reported.\n\nAlice\n").asMessage(h);
    writeEml(src, m);
  }

  private static List<String> splitEvery(String s, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < s.length(); i += n) {
      out.add(s.substring(i, Math.min(s.length(), i + n)));
    }
    return out;
  }

  /** Attachment whose file name is only given RFC 2231 encoded (filename*=UTF-8''...). */
  private void rfc2231FileName() {
    String src = "eml/rfc2231-filename.eml";
    Secret mongo = secrets.mongodbUri();
    String name = "Zugangsdaten für Produktion.txt";
    Mime att = Mime.leaf("text/plain; charset=UTF-8", "base64",
            Encoders.base64(utf8("Produktion (fake fixture)\nAnalytics: " + mongo.text() + "\n"), 76))
        .header("Content-Disposition: attachment; filename*=" + Encoders.rfc2231(name))
        .fileName(name);
    Mime m = multipart("mixed", Mime.text("Anbei die Zugangsdaten.\n" + DISCLAIMER + "\n"), att)
        .asMessage(headers("Zugangsdaten"));
    writeEml(src, m);
    exp.plant(src, 1, att.path(), mongo, "RFC 2231 encoded file name; the part path shows the decoded name");
  }

  /** format=flowed; delsp=yes: the client wrapped a long URL with basic-auth credentials by soft breaks. */
  private void formatFlowed() {
    String src = "eml/format-flowed.eml";
    Secret basic = secrets.basicAuthUrl("release-bot",
        "artifacts.acme.internal/repository/releases/com/acme/billing/2.4.1/billing-2.4.1.jar");
    String url = basic.text();
    int a = "https://release-bot:".length() + basic.value().length() / 2;
    int b = a + 58;
    String body = "Hi Bob,\n\n" + DISCLAIMER + "\n\n"
        + "The release artifacts are mirrored at " + url.substring(0, a) + " \n"
        + url.substring(a, b) + " \n"
        + url.substring(b) + "\nPlease use that URL until the proxy is fixed.\n\nAlice\n";
    Mime m = Mime.leaf("text/plain; charset=UTF-8; format=flowed; delsp=yes", "7bit", body)
        .asMessage(headers("Artifact mirror"));
    writeEml(src, m);
    assertAbsent(utf8(body), basic.value(), "flowed soft break splits the password");
    exp.plant(src, 1, m.path(), basic, "format=flowed delsp=yes soft line breaks split a URL with basic auth");
  }

  /** HTML only: a key written with a character reference, a URI password with &amp;, credentials only in href. */
  private void htmlOnly() {
    String src = "eml/html-only.eml";
    Secret aws = secrets.awsAccessKeyId();
    Secret pg = secrets.postgresUriWithAmpersand();
    Secret basic = secrets.basicAuthUrl("ci-admin", "ci.acme.internal/dashboard/");
    String html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Access</title></head><body>\n"
        + "<p>Hi Bob,</p>\n<p>" + AttachmentFactory.xmlEscape(DISCLAIMER) + "</p>\n"
        + "<p>Export bucket key id: <code>&#x41;" + aws.value().substring(1) + "</code></p>\n"
        + "<p>Orders database: " + pg.text().replace("&", "&amp;") + "</p>\n"
        + "<p>The build dashboard is <a href=\"" + basic.text() + "\">over here</a>.</p>\n"
        + "</body></html>\n";
    Mime m = Mime.html(html).asMessage(headers("Access for the new admin"));
    writeEml(src, m);
    exp.plant(src, 1, m.path(), aws, "HTML only: first character written as &#x41;");
    exp.plant(src, 1, m.path(), pg, "HTML only: '&' in the URI password written as &amp;");
    exp.plant(src, 1, m.path(), basic, "HTML only: credentials only in an <a href> attribute, not in the text");
  }

  /** multipart/alternative with the same webhook in text/plain and text/html: one finding, both parts. */
  private void alternativeSameSecret() {
    String src = "eml/alternative-same-secret.eml";
    Secret hook = secrets.slackWebhook();
    Secret notes = secrets.labelledPassword("password: ");
    Mime plain = Mime.text("Hi Bob,\n\n" + DISCLAIMER + "\n\nPost deploy notices to " + hook.text() + "\n");
    Mime html = Mime.html("<html><body><p>Hi Bob,</p><p>" + DISCLAIMER + "</p><p>Post deploy notices to <a href=\""
        + hook.text() + "\">" + hook.text() + "</a></p></body></html>\n");
    Mime att = Mime.attachment("text/plain", "deploy-notes.txt",
        utf8("Deploy notes (fake fixture)\nJenkins admin " + notes.text() + "\n"));
    Mime m = multipart("mixed", multipart("alternative", plain, html), att)
        .asMessage(headers("Deploy notifications"));
    writeEml(src, m);
    exp.plant(src, 1, plain.path() + ";" + html.path(), hook,
        "same secret in text/plain and text/html alternatives: one finding listing both parts");
    exp.plant(src, 1, att.path(), notes, "plain text attachment next to an alternative");
  }

  private void sameSecretTwice() {
    String src = "eml/same-secret-twice.eml";
    Secret npm = secrets.npmToken();
    Mime m = Mime.text("Hi Bob,\n\n" + DISCLAIMER + "\n\nPublish with " + npm.text()
            + " for now.\nTo repeat, because the last mail bounced: the token is " + npm.text() + "\n")
        .asMessage(headers("npm publishing"));
    writeEml(src, m);
    exp.plant(src, 1, m.path(), npm, "same secret twice in one text part: one finding");
  }

  /** A uuencoded creds.txt inside a plain text body. */
  private void uuencodedFile() {
    String src = "eml/uuencode.eml";
    Secret id = secrets.awsAccessKeyId();
    Secret key = secrets.awsSecretAccessKey("aws_secret_access_key = ");
    byte[] creds = utf8("[default]\naws_access_key_id = " + id.text() + "\n" + key.text()
        + "\nregion = eu-central-1\n");
    String uu = Encoders.uuencode("creds.txt", creds);
    Mime m = Mime.text("Hi Bob,\n\n" + DISCLAIMER + "\n\nOld-school attachment, my client only does uuencode:\n\n"
        + uu + "\nAlice\n").asMessage(headers("creds"));
    writeEml(src, m);
    assertAbsent(utf8(uu), id.value(), "uuencoded");
    String part = m.path() + "/creds.txt";
    exp.plant(src, 1, part, id, "uuencoded file (begin 644 creds.txt) inside a text body");
    exp.plant(src, 1, part, key, "uuencoded file (begin 644 creds.txt) inside a text body");
  }
}
