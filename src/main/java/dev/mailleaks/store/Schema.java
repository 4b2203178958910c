package dev.mailleaks.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The datastore's schema as a list of migrations; a database's {@code PRAGMA user_version} is the number of
 * migrations applied to it. Migrations are only ever appended: a released one is never edited.
 */
final class Schema {
  static final List<String> MIGRATIONS = List.of(
      // 1: scans, inputs with their resume point, messages and findings, one row per secret with its triage status
      """
      CREATE TABLE scans (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        tool_version TEXT NOT NULL,
        rules_version TEXT NOT NULL,
        rule_count INTEGER NOT NULL,
        options TEXT NOT NULL,
        show_secrets INTEGER NOT NULL,
        inputs INTEGER NOT NULL DEFAULT 0,
        inputs_skipped INTEGER NOT NULL DEFAULT 0,
        messages INTEGER NOT NULL DEFAULT 0,
        findings INTEGER NOT NULL DEFAULT 0,
        errors INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE inputs (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL UNIQUE,
        size INTEGER NOT NULL,
        mtime INTEGER NOT NULL,
        sha256 TEXT,
        status TEXT NOT NULL CHECK (status IN ('scanning', 'done')),
        rules_version TEXT NOT NULL,
        scan_id INTEGER NOT NULL REFERENCES scans(id),
        committed_ordinal INTEGER NOT NULL DEFAULT 0,
        messages INTEGER NOT NULL DEFAULT 0,
        parts INTEGER NOT NULL DEFAULT 0,
        bytes INTEGER NOT NULL DEFAULT 0,
        skipped TEXT NOT NULL DEFAULT '{}',
        updated_at TEXT NOT NULL);
      CREATE TABLE messages (
        id INTEGER PRIMARY KEY,
        input_id INTEGER NOT NULL REFERENCES inputs(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        source TEXT NOT NULL,
        message_index INTEGER NOT NULL,
        message_offset INTEGER NOT NULL,
        message_id TEXT NOT NULL,
        from_addr TEXT NOT NULL,
        to_addr TEXT NOT NULL,
        cc_addr TEXT NOT NULL,
        date TEXT NOT NULL,
        date_utc TEXT,
        subject TEXT NOT NULL,
        UNIQUE (source, message_index));
      CREATE INDEX messages_input ON messages(input_id, ordinal);
      CREATE TABLE secrets (
        fingerprint TEXT PRIMARY KEY,
        rule_id TEXT NOT NULL,
        rule_name TEXT NOT NULL,
        provider TEXT NOT NULL,
        severity TEXT NOT NULL,
        secret_redacted TEXT NOT NULL,
        secret TEXT,
        remediation TEXT NOT NULL,
        first_seen TEXT,
        last_seen TEXT,
        occurrences INTEGER NOT NULL DEFAULT 0,
        triage_status TEXT NOT NULL DEFAULT 'open',
        first_scan_id INTEGER NOT NULL REFERENCES scans(id));
      CREATE TABLE findings (
        id INTEGER PRIMARY KEY,
        message_row INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        fingerprint TEXT NOT NULL REFERENCES secrets(fingerprint),
        rule_id TEXT NOT NULL,
        rule_name TEXT NOT NULL,
        severity TEXT NOT NULL,
        secret_redacted TEXT NOT NULL,
        parts TEXT NOT NULL,
        line INTEGER NOT NULL,
        context TEXT NOT NULL,
        scan_id INTEGER NOT NULL REFERENCES scans(id),
        UNIQUE (message_row, fingerprint));
      CREATE INDEX findings_fingerprint ON findings(fingerprint);
      CREATE TABLE errors (
        id INTEGER PRIMARY KEY,
        input_id INTEGER NOT NULL REFERENCES inputs(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        source TEXT NOT NULL,
        message_index INTEGER NOT NULL,
        part TEXT NOT NULL,
        kind TEXT NOT NULL,
        reason TEXT NOT NULL);
      CREATE INDEX errors_input ON errors(input_id, ordinal);
      """,
      // 2: Sender and Reply-To for attribution, the account a secret names, triage history and notifications sent
      """
      ALTER TABLE messages ADD COLUMN sender_addr TEXT NOT NULL DEFAULT '';
      ALTER TABLE messages ADD COLUMN reply_to_addr TEXT NOT NULL DEFAULT '';
      ALTER TABLE findings ADD COLUMN account TEXT NOT NULL DEFAULT '';
      ALTER TABLE findings ADD COLUMN provider TEXT NOT NULL DEFAULT '';
      CREATE TABLE triage_history (
        id INTEGER PRIMARY KEY,
        fingerprint TEXT NOT NULL REFERENCES secrets(fingerprint),
        status TEXT NOT NULL,
        note TEXT NOT NULL,
        at TEXT NOT NULL);
      CREATE TABLE notifications (
        id INTEGER PRIMARY KEY,
        fingerprint TEXT NOT NULL REFERENCES secrets(fingerprint),
        customer_id TEXT NOT NULL,
        at TEXT NOT NULL,
        folder TEXT NOT NULL);
      """);

  static final int VERSION = MIGRATIONS.size();

  private Schema() {}

  /** Applies the migrations {@code connection}'s database lacks, each in its own transaction. */
  static void migrate(Connection connection, int from, int to) throws SQLException {
    for (int version = from + 1; version <= to; version++) {
      int next = version;
      try {
        Datastore.inTransaction(connection, () -> {
          try (Statement statement = connection.createStatement()) {
            for (String sql : MIGRATIONS.get(next - 1).split(";\\s*\\n")) {
              if (!sql.isBlank()) {
                statement.execute(sql);
              }
            }
            statement.execute("PRAGMA user_version = " + next);
          }
        });
      } catch (SQLException e) {
        throw new SQLException("migration to schema version " + version + " failed: " + e.getMessage(), e);
      }
    }
  }
}
