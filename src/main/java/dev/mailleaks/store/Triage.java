package dev.mailleaks.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Changes secrets' triage status, keeping every change in the history, and records notifications sent. */
public final class Triage {
  private final Connection db;

  public Triage(Datastore store) {
    this.db = store.connection();
  }

  /** One status change as recorded. */
  public record Change(String fingerprint, String status, String note, String at) {}

  /** One status change to make. */
  public record Request(String fingerprint, TriageStatus status, String note) {}

  /** One secret told to one customer. */
  public record Sent(String fingerprint, String customerId) {}

  /** Makes every change in one transaction: all are made, or (on any error) none. */
  public void apply(List<Request> requests) throws SQLException {
    Datastore.inTransaction(db, () -> record(requests, Instant.now().toString()));
  }

  /**
   * Records what a notification run sent and sets those secrets' status to notified, in one transaction, so that
   * the history never says notified without saying to whom.
   */
  public void markNotified(List<Sent> sent, String folder) throws SQLException {
    String at = Instant.now().toString();
    Set<String> fingerprints = new LinkedHashSet<>();
    sent.forEach(s -> fingerprints.add(s.fingerprint()));
    Datastore.inTransaction(db, () -> {
      record(fingerprints.stream().map(f -> new Request(f, TriageStatus.NOTIFIED, "notified: " + folder)).toList(), at);
      try (PreparedStatement insert = db.prepareStatement(
          "INSERT INTO notifications (fingerprint, customer_id, at, folder) VALUES (?, ?, ?, ?)")) {
        for (Sent s : sent) {
          insert.setString(1, s.fingerprint());
          insert.setString(2, s.customerId());
          insert.setString(3, at);
          insert.setString(4, folder);
          insert.executeUpdate();
        }
      }
    });
  }

  private void record(List<Request> requests, String at) throws SQLException {
    try (PreparedStatement update = db.prepareStatement("UPDATE secrets SET triage_status = ? WHERE fingerprint = ?");
        PreparedStatement history = db.prepareStatement(
            "INSERT INTO triage_history (fingerprint, status, note, at) VALUES (?, ?, ?, ?)")) {
      for (Request r : requests) {
        update.setString(1, r.status().label());
        update.setString(2, r.fingerprint());
        if (update.executeUpdate() != 1) {
          throw new SQLException("no secret with fingerprint " + r.fingerprint());
        }
        history.setString(1, r.fingerprint());
        history.setString(2, r.status().label());
        history.setString(3, r.note() == null ? "" : r.note());
        history.setString(4, at);
        history.executeUpdate();
      }
    }
  }

  public List<Change> history(String fingerprint) throws SQLException {
    List<Change> changes = new ArrayList<>();
    try (PreparedStatement q = db.prepareStatement(
        "SELECT fingerprint, status, note, at FROM triage_history WHERE fingerprint = ? ORDER BY id")) {
      q.setString(1, fingerprint);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          changes.add(new Change(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        }
      }
    }
    return changes;
  }
}
