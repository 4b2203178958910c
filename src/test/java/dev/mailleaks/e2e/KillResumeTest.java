package dev.mailleaks.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailleaks.cli.Main;
import dev.mailleaks.testdata.ChecksummedTokens;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan killed with SIGKILL in the middle of a large mbox, then run again with the same command, ends with
 * exactly the findings of a scan that was never interrupted: none lost, none recorded twice.
 */
class KillResumeTest {
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final String ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  @TempDir Path dir;

  @Test
  void aScanKilledMidMboxResumesToExactlyTheFindingsOfACleanRun() throws Exception {
    Path mbox = dir.resolve("big.mbox");
    int planted = writeMbox(mbox, 6_000);
    Path clean = dir.resolve("clean.db");
    assertThat(scan(clean, mbox)).isEqualTo(1);
    List<String> expected = findings(clean);
    assertThat(expected).hasSize(planted);

    Path killed = dir.resolve("killed.db");
    Process process = new ProcessBuilder(javaCommand(killed, mbox)).redirectErrorStream(true)
        .redirectOutput(dir.resolve("killed.log").toFile()).start();
    long committed = 0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (committed == 0 && process.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
      committed = committedSteps(killed);
    }
    process.destroyForcibly(); // SIGKILL: no shutdown hook, no last commit
    process.waitFor(30, TimeUnit.SECONDS);
    assertThat(committed).as("the child committed a batch before it was killed").isPositive();
    long recordedBeforeResume = count(killed, "SELECT COUNT(*) FROM findings");
    assertThat(inputStatus(killed)).as("the kill left the input unfinished").isEqualTo("scanning");
    assertThat(recordedBeforeResume).isLessThan(planted);

    assertThat(scan(killed, mbox)).isEqualTo(1);
    assertThat(findings(killed)).containsExactlyElementsOf(expected);
    assertThat(inputStatus(killed)).isEqualTo("done");
    assertThat(count(killed, "SELECT SUM(occurrences) FROM secrets")).isEqualTo(planted);

    // Run a third time: the input is unchanged, so it is not read again and nothing is added.
    assertThat(scan(killed, mbox)).isEqualTo(1);
    assertThat(findings(killed)).containsExactlyElementsOf(expected);
  }

  private int scan(Path db, Path mbox) {
    Writer sink = new StringWriter();
    return Main.run(new PrintWriter(sink), new PrintWriter(new StringWriter()), "scan", "--no-progress",
        "--datastore", db.toString(), "--commit-every", "25", "-o", dir.resolve("report.txt").toString(), mbox.toString());
  }

  private List<String> javaCommand(Path db, Path mbox) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return List.of(java, "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "scan", "--no-progress", "--threads", "1", "--datastore", db.toString(),
        "--commit-every", "25", "-o", dir.resolve("killed-report.txt").toString(), mbox.toString());
  }

  /** Messages of prose; every 7th carries one fresh secret (an AWS key id or a labelled password). */
  private static int writeMbox(Path mbox, int messages) throws IOException {
    Random random = new Random(7);
    StringBuilder text = new StringBuilder();
    int planted = 0;
    for (int i = 1; i <= messages; i++) {
      text.append("From sender").append(i).append("@customer.example Mon Jan  1 00:00:00 2024\n")
          .append("From: Sender ").append(i).append(" <sender").append(i).append("@customer.example>\n")
          .append("To: ops@company.example\n")
          .append("Subject: ticket ").append(i).append('\n')
          .append("Date: Mon, 1 Jan 2024 10:").append(String.format("%02d", i % 60)).append(":00 +0000\n")
          .append("Message-ID: <m").append(i).append("@customer.example>\n\n")
          .append("Hello team,\nplease find the status of ticket ").append(i).append(" below.\n")
          .append("The deployment went fine and the logs look normal.\n".repeat(1 + i % 5));
      if (i % 7 == 0) {
        planted++;
        if (i % 2 == 0) {
          // a key id whose fifth character encodes a possible account id, as the aws-account-id validator requires
          text.append("aws_access_key_id = ")
              .append(ChecksummedTokens.withPossibleAccount("AKIA" + draw(random, BASE32, 16))).append('\n');
        } else {
          text.append("The VPN password is ").append(draw(random, ALNUM, 10)).append("7q\n");
        }
      }
      text.append("Regards\n\n");
    }
    Files.writeString(mbox, text, StandardCharsets.UTF_8);
    return planted;
  }

  private static String draw(Random random, String alphabet, int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  private static List<String> findings(Path db) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT m.source, m.message_index, f.fingerprint, f.rule_id, f.parts, f.line "
            + "FROM findings f JOIN messages m ON m.id = f.message_row ORDER BY m.message_index, f.fingerprint")) {
      while (rs.next()) {
        rows.add(rs.getString(1) + "#" + rs.getLong(2) + " " + rs.getString(3) + " " + rs.getString(4) + " "
            + rs.getString(5) + ":" + rs.getInt(6));
      }
    }
    return rows;
  }

  private static long committedSteps(Path db) {
    if (!Files.exists(db)) {
      return 0;
    }
    try {
      return count(db, "SELECT COALESCE(MAX(committed_ordinal), 0) FROM inputs");
    } catch (SQLException e) {
      return 0; // not created yet, or busy
    }
  }

  private static String inputStatus(Path db) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT status FROM inputs")) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static long count(Path db, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }
}
