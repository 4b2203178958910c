package dev.mailleaks.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Changes secrets' triage status, keeping every change in the history. */
public final class Triage {
  private final Connection db;

  public Triage(Datastore store) {
    this.db = store.connection();
  }

  /** One status change as recorded. */
  public record Change(String fingerprint, String status, String note, String at) {}

  /** Sets the statuses of several secrets in one transaction: all change, or none. */
  public void set(List<String> fingerprints, TriageStatus status, String note) throws SQLException {
    boolean auto = db.getAutoCommit();
    db.setAutoCommit(false);
    try (PreparedStatement update = db.prepareStatement("UPDATE secrets SET triage_status = ? WHERE fingerprint = ?");
        PreparedStatement history = db.prepareStatement(
            "INSERT INTO triage_history (fingerprint, status, note, at) VALUES (?, ?, ?, ?)")) {
      String at = Instant.now().toString();
      for (String fingerprint : fingerprints) {
        update.setString(1, status.label());
        update.setString(2, fingerprint);
        if (update.executeUpdate() != 1) {
          throw new SQLException("no secret with fingerprint " + fingerprint);
        }
        history.setString(1, fingerprint);
        history.setString(2, status.label());
        history.setString(3, note == null ? "" : note);
        history.setString(4, at);
        history.executeUpdate();
      }
      db.commit();
    } catch (SQLException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(auto);
    }
  }

  /** Records that a notification of {@code fingerprint} went to a customer. */
  public void notified(List<String[]> fingerprintAndCustomer, String folder) throws SQLException {
    boolean auto = db.getAutoCommit();
    db.setAutoCommit(false);
    try (PreparedStatement insert = db.prepareStatement(
        "INSERT INTO notifications (fingerprint, customer_id, at, folder) VALUES (?, ?, ?, ?)")) {
      String at = Instant.now().toString();
      for (String[] pair : fingerprintAndCustomer) {
        insert.setString(1, pair[0]);
        insert.setString(2, pair[1]);
        insert.setString(3, at);
        insert.setString(4, folder);
        insert.executeUpdate();
      }
      db.commit();
    } catch (SQLException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(auto);
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
