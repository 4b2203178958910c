package dev.mailleaks.testdata;

import dev.mailleaks.testdata.FakeSecrets.Secret;
import java.nio.file.Path;
import java.time.ZonedDateTime;

/**
 * A helpdesk thread: the recovery password of a locked laptop and a reset account password in the reply, and the
 * authenticator enrolment link (an otpauth:// URI, HTML-escaped in an href) in the HTML part. These get past
 * disk encryption and the second factor, which is what the attacker of a mailbox without MFA wants. Generated
 * last, so that the secrets drawn here leave every other fixture's bytes as they were.
 */
final class HelpdeskFixtures extends FixtureFamily {
  HelpdeskFixtures(Path out, FakeSecrets secrets, Expectations exp) {
    super(out, secrets, exp, 707, ZonedDateTime.parse("2024-03-11T08:30:00Z"));
  }

  @Override
  void generate() {
    String src = "eml/helpdesk-recovery.eml";
    Secret recovery = secrets.bitlockerRecoveryPassword();
    Secret reset = secrets.resetPassword();
    Secret seed = secrets.totpSeedUri("jdoe@acme.example");
    String plain = "Hi John,\n\n" + DISCLAIMER + "\n\nTicket #48213: your laptop asked for its " + recovery.text()
        + "\nType it on the blue screen, then sign in; " + reset.text() + " and you will be asked to change it.\n\n"
        + "To re-enrol your authenticator, open " + seed.text() + " on your phone.\n\nService Desk\n";
    String html = "<html><body><p>Hi John,</p><p>" + DISCLAIMER + "</p><p>Ticket #48213: your laptop asked for its "
        + recovery.text() + "<br>Type it on the blue screen, then sign in; " + reset.text()
        + " and you will be asked to change it.</p><p>To re-enrol your authenticator, <a href=\""
        + seed.text().replace("&", "&amp;") + "\">open this link on your phone</a>.</p><p>Service Desk</p>"
        + "</body></html>";
    Mime text = Mime.text(plain);
    Mime rich = Mime.html(html);
    Mime m = multipart("alternative", text, rich).asMessage(headers("RE: Ticket #48213 laptop locked"));
    writeEml(src, m);
    String both = text.path() + ";" + rich.path();
    exp.plant(src, 1, both, recovery, "BitLocker recovery password (block checksums valid), in both alternatives");
    exp.plant(src, 1, both, reset, "helpdesk phrasing: password has been reset to X, in both alternatives");
    exp.plant(src, 1, both, seed, "TOTP seed in an otpauth:// URI; in the HTML inside an href, &amp; escaped");
  }
}
