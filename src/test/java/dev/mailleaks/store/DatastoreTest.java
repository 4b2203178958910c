package dev.mailleaks.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatastoreTest {
  @TempDir Path dir;

  @Test
  void aNewDatastoreIsOwnerOnlyAndAtTheCurrentSchema() throws Exception {
    Path file = dir.resolve("sub/mailleaks.db");
    try (Datastore store = Datastore.open(file)) {
      assertThat(store.schemaVersion()).isEqualTo(Schema.VERSION);
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  @Test
  void migratingFromVersionOneKeepsEveryRow() throws Exception {
    Path file = dir.resolve("old.db");
    try (Datastore old = Datastore.open(file, 1); Statement s = old.connection().createStatement()) {
      assertThat(old.schemaVersion()).isEqualTo(1);
      s.execute("INSERT INTO scans (id, started_at, tool_version, rules_version, rule_count, options, show_secrets) "
          + "VALUES (1, '2026-01-01T00:00:00Z', '0.1.0', 'r1', 25, '', 0)");
      s.execute("INSERT INTO inputs (id, path, size, mtime, status, rules_version, scan_id, updated_at) "
          + "VALUES (1, '/mail/a.mbox', 10, 0, 'done', 'r1', 1, 'now')");
      s.execute("INSERT INTO messages (id, input_id, ordinal, source, message_index, message_offset, message_id, "
          + "from_addr, to_addr, cc_addr, date, subject) VALUES (1, 1, 1, '/mail/a.mbox', 1, 0, '<m@x>', "
          + "'a@acme.example', 'b@corp.example', '', 'Mon, 1 Jan 2024 10:00:00 +0000', 'keys')");
      s.execute("INSERT INTO secrets (fingerprint, rule_id, rule_name, provider, severity, secret_redacted, remediation, "
          + "occurrences, first_scan_id) VALUES ('f1', 'aws.access-key-id', 'AWS key', 'AWS', 'critical', 'AKIA…', 'rotate', 1, 1)");
      s.execute("INSERT INTO findings (message_row, fingerprint, rule_id, rule_name, severity, secret_redacted, parts, line, "
          + "context, scan_id) VALUES (1, 'f1', 'aws.access-key-id', 'AWS key', 'critical', 'AKIA…', '1', 3, 'ctx', 1)");
    }
    try (Datastore migrated = Datastore.open(file)) {
      assertThat(migrated.schemaVersion()).isEqualTo(Schema.VERSION);
      FindingStore findings = new FindingStore(migrated);
      assertThat(findings.secrets(false)).singleElement().satisfies(secret -> {
        assertThat(secret.fingerprint()).isEqualTo("f1");
        assertThat(secret.mailboxes()).containsExactly("/mail/a.mbox");
        assertThat(secret.senders()).containsExactly("a@acme.example");
        assertThat(secret.accounts()).isEmpty();
      });
      assertThat(findings.occurrences()).singleElement().satisfies(o -> {
        assertThat(o.sender()).isEmpty();
        assertThat(o.line()).isEqualTo(3);
      });
    }
  }

  @Test
  void aDatastoreFromANewerMailleaksIsRefusedUntouched() throws Exception {
    Path file = dir.resolve("newer.db");
    try (Datastore store = Datastore.open(file)) {
      // created at the current version
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      s.execute("PRAGMA user_version = " + (Schema.VERSION + 5));
    }
    assertThatThrownBy(() -> Datastore.open(file)).isInstanceOf(DatastoreException.class)
        .hasMessageContaining("newer than this mailleaks understands");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      assertThat(rs.getInt(1)).isEqualTo(Schema.VERSION + 5);
    }
  }

  @Test
  void reportsAndNotifyDoNotCreateAMissingDatastore() {
    Path missing = dir.resolve("missing.db");
    assertThatThrownBy(() -> Datastore.openExisting(missing)).isInstanceOf(DatastoreException.class)
        .hasMessageContaining("run mailleaks scan first");
    assertThat(missing).doesNotExist();
  }
}
