package dev.mailleaks.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reads what the datastore holds, for reports and notifications. */
public final class FindingStore {
  private final Connection db;

  public FindingStore(Datastore store) {
    this.db = store.connection();
  }

  public List<StoredScan> scans() throws SQLException {
    List<StoredScan> scans = new ArrayList<>();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT id, started_at, COALESCE(ended_at, ''), tool_version, rules_version, rule_count, options, inputs, "
            + "inputs_skipped, messages, findings, errors FROM scans ORDER BY id")) {
      while (rs.next()) {
        scans.add(new StoredScan(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getInt(6), rs.getString(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12)));
      }
    }
    return scans;
  }

  /**
   * Every secret with at least one occurrence, most severe first, then by first sighting.
   *
   * @param withPlaintext include plaintexts where a scan recorded them
   */
  public List<StoredSecret> secrets(boolean withPlaintext) throws SQLException {
    Map<String, Gathered> gathered = new TreeMap<>();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT f.fingerprint, i.path, m.message_id, m.from_addr, f.account FROM findings f "
            + "JOIN messages m ON m.id = f.message_row JOIN inputs i ON i.id = m.input_id")) {
      while (rs.next()) {
        Gathered g = gathered.computeIfAbsent(rs.getString(1), k -> new Gathered());
        g.mailboxes.add(rs.getString(2));
        if (!rs.getString(3).isEmpty()) g.messageIds.add(rs.getString(3));
        if (!rs.getString(4).isEmpty()) g.senders.add(rs.getString(4));
        if (!rs.getString(5).isEmpty()) g.accounts.add(rs.getString(5));
      }
    }
    List<StoredSecret> secrets = new ArrayList<>();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT fingerprint, rule_id, rule_name, provider, severity, secret_redacted, secret, COALESCE(first_seen, ''), "
            + "COALESCE(last_seen, ''), occurrences, triage_status, remediation FROM secrets WHERE occurrences > 0 "
            + "ORDER BY CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END, "
            + "first_seen IS NULL, first_seen, fingerprint")) {
      while (rs.next()) {
        Gathered g = gathered.getOrDefault(rs.getString(1), new Gathered());
        secrets.add(new StoredSecret(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), withPlaintext ? rs.getString(7) : null, rs.getString(8), rs.getString(9),
            rs.getLong(10), List.copyOf(g.mailboxes), List.copyOf(g.messageIds), List.copyOf(g.senders),
            List.copyOf(g.accounts), rs.getString(11), rs.getString(12)));
      }
    }
    return secrets;
  }

  /** Every occurrence, by source, message and fingerprint. */
  public List<StoredOccurrence> occurrences() throws SQLException {
    List<StoredOccurrence> occurrences = new ArrayList<>();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT f.fingerprint, f.rule_id, f.rule_name, f.provider, f.severity, f.secret_redacted, m.source, "
            + "m.message_index, m.message_offset, m.message_id, f.parts, f.line, m.from_addr, m.sender_addr, "
            + "m.reply_to_addr, m.to_addr, m.cc_addr, m.date, COALESCE(m.date_utc, ''), m.subject, f.context "
            + "FROM findings f JOIN messages m ON m.id = f.message_row ORDER BY m.source, m.message_index, f.fingerprint")) {
      while (rs.next()) {
        occurrences.add(new StoredOccurrence(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8), rs.getLong(9), rs.getString(10),
            rs.getString(11), rs.getInt(12), rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16),
            rs.getString(17), rs.getString(18), rs.getString(19), rs.getString(20), rs.getString(21)));
      }
    }
    return occurrences;
  }

  /** The fingerprints that start with {@code prefix} (a full fingerprint, or a unique prefix of one). */
  public List<String> fingerprintsStartingWith(String prefix) throws SQLException {
    List<String> found = new ArrayList<>();
    try (PreparedStatement q = db.prepareStatement(
        "SELECT fingerprint FROM secrets WHERE fingerprint >= ? AND fingerprint < ? ORDER BY fingerprint LIMIT 3")) {
      q.setString(1, prefix);
      q.setString(2, prefix + "\uffff");
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) found.add(rs.getString(1));
      }
    }
    return found;
  }

  private static final class Gathered {
    final TreeSet<String> mailboxes = new TreeSet<>();
    final TreeSet<String> messageIds = new TreeSet<>();
    final TreeSet<String> senders = new TreeSet<>();
    final TreeSet<String> accounts = new TreeSet<>();
  }

  static List<String> split(String joined) {
    return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(";"));
  }
}
