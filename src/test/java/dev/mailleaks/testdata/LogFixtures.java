package dev.mailleaks.testdata;

import static dev.mailleaks.testdata.Encoders.utf8;

import dev.mailleaks.testdata.FakeSecrets.Secret;
import java.nio.file.Path;
import java.time.ZonedDateTime;

/**
 * A build log mailed as an attachment: terminal colour codes glued to a token, and a private key printed by a build
 * step with BuildKit's step and time before each line; and a console capture with a colour code on every line. Generated last, so that the secrets drawn here leave every
 * other fixture's bytes as they were.
 */
final class LogFixtures extends FixtureFamily {
  private static final String ESC = "\u001b";

  LogFixtures(Path out, FakeSecrets secrets, Expectations exp) {
    super(out, secrets, exp, 606, ZonedDateTime.parse("2024-03-04T10:00:00Z"));
  }

  @Override
  void generate() {
    String src = "eml/attachments-logs.eml";
    Secret token = secrets.githubClassicToken();
    Secret key = secrets.rsaPrivateKey();
    Secret slack = secrets.slackBotToken();
    StringBuilder log = new StringBuilder()
        .append("#5 [2/4] RUN ./ci/publish.sh (mailleaks fixture, fake credentials)\n")
        .append("#5 0.102 ").append(ESC).append("[1;33mwarning").append(ESC).append("[0m: token from the environment: ")
        .append(ESC).append("[93m").append(token.text()).append(ESC).append("[0m\n")
        .append("#6 [3/4] RUN cat /run/secrets/deploy_key\n");
    String[] lines = key.text().split("\n");
    for (int i = 0; i < lines.length; i++) {
      log.append("#6 0.").append(210 + i).append(' ').append(lines[i]).append('\n');
    }
    log.append("#6 DONE 0.3s\n");
    assertAbsent(utf8(log.toString()), " " + token.value(), "the colour code sits right before the token");
    Mime buildLog = Mime.attachment("text/plain; charset=UTF-8", "build.log", utf8(log.toString()));
    // a console capture without a name or type that says text, and a colour code on every line: it must still
    // be read as text (ESC is no sign of binary data)
    StringBuilder console = new StringBuilder();
    for (String step : new String[] {"checkout", "install", "lint", "test"}) {
      console.append(ESC).append("[32m✔").append(ESC).append("[0m ").append(step).append('\n');
    }
    console.append(ESC).append("[31m✘").append(ESC).append("[0m notify: SLACK_BOT_TOKEN=").append(slack.text()).append('\n');
    Mime capture = Mime.attachment("application/octet-stream", "console-output", utf8(console.toString()));
    Mime m = multipart("mixed", Mime.text("Hi Bob,\n\n" + DISCLAIMER + "\n\nThe publish job failed, log attached."
        + "\n\nAlice\n"), buildLog, capture).asMessage(headers("Publish job failed"));
    writeEml(src, m);
    exp.plant(src, 1, buildLog.path(), token, "build log: terminal colour codes around the token");
    exp.plant(src, 1, buildLog.path(), key, "build log: BuildKit step and time before each line of the key");
    exp.plant(src, 1, capture.path(), slack, "console capture (octet-stream, no extension), colour codes on every line");
  }
}
