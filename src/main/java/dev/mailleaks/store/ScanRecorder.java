package dev.mailleaks.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailleaks.findings.Finding;
import dev.mailleaks.findings.ScanSummary;
import dev.mailleaks.source.ErrorKind;
import dev.mailleaks.source.ErrorRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Records one scan into the datastore, and tells the scan what it already holds of each input.
 *
 * <p>Crash safety: results are written in batches, each one transaction that also moves the input's resume point
 * ({@code committed_ordinal}, counted in steps: messages, error records and skips in reading order). Reading is
 * deterministic, so after a crash the same command skips exactly the committed steps and records the rest: nothing
 * is lost or recorded twice. The plan calls come from the reading thread, the record calls from the thread
 * that emits results in order; the connection is used under this object's lock.
 */
public final class ScanRecorder implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {};

  private final Datastore store;
  private final Connection db;
  private final long scanId;
  private final String rulesVersion;
  private final boolean showSecrets;
  private final Function<String, String> remediationOf;
  private final int batchSteps;
  private final long batchNanos;

  private final PreparedStatement insertErrorStatement;
  private final PreparedStatement insertMessageStatement;
  private final PreparedStatement upsertSecretStatement;
  private final PreparedStatement insertFindingStatement;
  // The input being recorded.
  private long inputId = -1;
  private long ordinal;
  private long messages;
  private long parts;
  private final Map<String, Integer> skipped = new TreeMap<>();
  private String hash;
  // The open batch.
  private int batched;
  private long batchStarted;
  private final Set<String> touched = new HashSet<>();
  // This scan's totals.
  private long inputs;
  private long inputsSkipped;

  private ScanRecorder(Datastore store, long scanId, String rulesVersion, boolean showSecrets,
      Function<String, String> remediationOf, int batchSteps, long batchMillis) throws SQLException {
    this.store = store;
    this.db = store.connection();
    this.scanId = scanId;
    this.rulesVersion = rulesVersion;
    this.showSecrets = showSecrets;
    this.remediationOf = remediationOf;
    this.batchSteps = batchSteps;
    this.batchNanos = batchMillis * 1_000_000L;
    this.insertErrorStatement = db.prepareStatement(
        "INSERT INTO errors (input_id, ordinal, source, message_index, part, kind, reason) VALUES (?, ?, ?, ?, ?, ?, ?)");
    this.insertMessageStatement = db.prepareStatement(
        "INSERT INTO messages (input_id, ordinal, source, message_index, message_offset, message_id, from_addr, "
            + "sender_addr, reply_to_addr, to_addr, cc_addr, date, date_utc, subject) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
    // The first scan to see a secret names its rule; a plaintext is kept only from scans told to show secrets.
    this.upsertSecretStatement = db.prepareStatement(
        "INSERT INTO secrets (fingerprint, rule_id, rule_name, provider, severity, secret_redacted, secret, remediation, "
            + "first_scan_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (fingerprint) DO UPDATE SET secret = COALESCE(secrets.secret, excluded.secret)");
    this.insertFindingStatement = db.prepareStatement(
        "INSERT OR IGNORE INTO findings (message_row, fingerprint, rule_id, rule_name, provider, severity, secret_redacted, "
            + "parts, line, context, account, scan_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  }

  /**
   * Starts recording a scan.
   *
   * @param options the options that shape results, as the user gave them, for the record
   * @param remediationOf a rule's remediation advice by rule id
   * @param batchSteps most steps in one transaction; {@code batchMillis} longest time one stays open
   */
  public static ScanRecorder start(Datastore store, String toolVersion, String rulesVersion, int ruleCount,
      String options, boolean showSecrets, Function<String, String> remediationOf, int batchSteps, long batchMillis)
      throws DatastoreException {
    try (PreparedStatement insert = store.connection().prepareStatement(
        "INSERT INTO scans (started_at, tool_version, rules_version, rule_count, options, show_secrets) "
            + "VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
      insert.setString(1, Instant.now().toString());
      insert.setString(2, toolVersion);
      insert.setString(3, rulesVersion);
      insert.setInt(4, ruleCount);
      insert.setString(5, options);
      insert.setInt(6, showSecrets ? 1 : 0);
      insert.executeUpdate();
      long id = generatedKey(insert);
      store.connection().setAutoCommit(false);
      return new ScanRecorder(store, id, rulesVersion, showSecrets, remediationOf, batchSteps, batchMillis);
    } catch (SQLException e) {
      throw new DatastoreException("cannot record a scan in " + store.path() + ": " + Datastore.firstLine(e), e);
    }
  }

  public long scanId() {
    return scanId;
  }

  /**
   * Decides what to do with one input file; a fresh plan removes what earlier scans recorded of it. Called from
   * the reading thread, before the file is read.
   *
   * @param rescan scan it even when it is unchanged
   */
  public synchronized InputPlan plan(Path file, String name, boolean rescan) throws SQLException, IOException {
    long size = Files.size(file);
    long mtime = Files.getLastModifiedTime(file).toMillis();
    try (PreparedStatement find = db.prepareStatement(
        "SELECT id, size, mtime, sha256, status, rules_version, scan_id, committed_ordinal, messages, parts, skipped "
            + "FROM inputs WHERE path = ?")) {
      find.setString(1, name);
      try (ResultSet rs = find.executeQuery()) {
        if (rs.next()) {
          long id = rs.getLong(1);
          boolean sameFile = rs.getLong(2) == size && rs.getLong(3) == mtime && rulesVersion.equals(rs.getString(6));
          InputPlan.Counts counts = new InputPlan.Counts(rs.getLong(9), rs.getLong(10), counts(rs.getString(11)));
          String status = rs.getString(5);
          String storedHash = rs.getString(4);
          long scan = rs.getLong(7);
          long committed = rs.getLong(8);
          rs.close();
          if (sameFile && !rescan && "done".equals(status) && storedHash != null && storedHash.equals(ContentHash.of(file))) {
            return new InputPlan.Unchanged(id, scan, counts);
          }
          if (sameFile && !rescan && "scanning".equals(status)) {
            return new InputPlan.Resume(id, committed, counts);
          }
          return new InputPlan.Fresh(id, name, size, mtime);
        }
      }
    }
    return new InputPlan.Fresh(-1, name, size, mtime);
  }

  /** The recorded results of an input up to its resume point (all of them for an unchanged input), in order. */
  public synchronized List<RecordedStep> recorded(InputPlan plan) throws SQLException {
    long upTo = plan instanceof InputPlan.Resume resume ? resume.committedSteps() : Long.MAX_VALUE;
    Map<Long, List<ErrorRecord>> errors = new TreeMap<>();
    try (PreparedStatement q = db.prepareStatement(
        "SELECT ordinal, source, message_index, part, kind, reason FROM errors WHERE input_id = ? AND ordinal <= ? "
            + "ORDER BY ordinal, id")) {
      q.setLong(1, plan.inputId());
      q.setLong(2, upTo);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          errors.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new ErrorRecord(rs.getString(2),
              rs.getLong(3), rs.getString(4), ErrorKind.fromLabel(rs.getString(5)), rs.getString(6)));
        }
      }
    }
    Map<Long, List<Finding>> findings = new TreeMap<>();
    try (PreparedStatement q = db.prepareStatement(
        "SELECT m.ordinal, f.rule_id, f.rule_name, f.provider, f.severity, f.fingerprint, f.secret_redacted, s.secret, "
            + "m.source, m.message_id, m.message_index, m.message_offset, f.parts, f.line, m.from_addr, m.sender_addr, "
            + "m.reply_to_addr, m.to_addr, m.cc_addr, m.date, m.subject, f.context, f.account "
            + "FROM findings f JOIN messages m ON f.message_row = m.id JOIN secrets s ON s.fingerprint = f.fingerprint "
            + "WHERE m.input_id = ? AND m.ordinal <= ? ORDER BY m.ordinal, f.id")) {
      q.setLong(1, plan.inputId());
      q.setLong(2, upTo);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          findings.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Finding(rs.getString(2),
              rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
              showSecrets ? rs.getString(8) : null, rs.getString(9), rs.getString(10), rs.getLong(11), rs.getLong(12),
              Arrays.asList(rs.getString(13).split(";")), rs.getInt(14), rs.getString(15), rs.getString(16),
              rs.getString(17), rs.getString(18), rs.getString(19), rs.getString(20), rs.getString(21),
              rs.getString(22), rs.getString(23)));
        }
      }
    }
    Set<Long> ordinals = new java.util.TreeSet<>(errors.keySet());
    ordinals.addAll(findings.keySet());
    List<RecordedStep> steps = new ArrayList<>(ordinals.size());
    for (long o : ordinals) {
      steps.add(new RecordedStep(o, errors.getOrDefault(o, List.of()), findings.getOrDefault(o, List.of())));
    }
    return steps;
  }

  /** The results of {@code plan}'s input follow, in reading order. */
  public synchronized void begin(InputPlan plan) throws SQLException {
    if (inputId >= 0) {
      commit(false); // the previous input could not be read to the end: what it gave stands, it is retried next time
    }
    inputId = plan.inputId();
    if (plan instanceof InputPlan.Fresh fresh) {
      inputId = fresh.inputId() < 0 ? insertInput(fresh) : resetInput(fresh);
    }
    skipped.clear();
    hash = null;
    ordinal = 0;
    messages = 0;
    parts = 0;
    if (plan instanceof InputPlan.Resume r) {
      ordinal = r.committedSteps();
      messages = r.counts().messages();
      parts = r.counts().parts();
      skipped.putAll(r.counts().skipped());
    } else if (plan instanceof InputPlan.Unchanged) {
      inputsSkipped++;
      inputId = -1; // nothing of it is recorded again
    }
  }

  /** One step of the current input: a scanned message, an error record of the reader, or a skipped file. */
  public synchronized void step(List<Finding> findings, List<ErrorRecord> errors, long messageCount, int partCount,
      Map<String, Integer> skippedByReason) throws SQLException {
    if (inputId < 0) {
      return;
    }
    ordinal++;
    messages += messageCount;
    parts += partCount;
    skippedByReason.forEach((reason, n) -> skipped.merge(reason, n, Integer::sum));
    if (batched == 0) {
      batchStarted = System.nanoTime();
    }
    for (ErrorRecord e : errors) {
      insertError(e);
    }
    if (!findings.isEmpty()) {
      long messageRow = insertMessage(findings.get(0));
      for (Finding f : findings) {
        upsertSecret(f);
        insertFinding(messageRow, f);
      }
    }
    batched++;
    if (batched >= batchSteps || System.nanoTime() - batchStarted >= batchNanos) {
      commit(false);
    }
  }

  public synchronized void hash(String sha256) {
    this.hash = sha256;
  }

  /** The current input has been read to the end. */
  public synchronized void done() throws SQLException {
    if (inputId < 0) {
      return;
    }
    inputs++;
    commit(true);
    inputId = -1;
  }

  /** The scan is over: its totals are recorded; a scan without this call was interrupted. */
  public synchronized void finish(ScanSummary summary) throws SQLException {
    try (PreparedStatement end = db.prepareStatement(
        "UPDATE scans SET ended_at = ?, inputs = ?, inputs_skipped = ?, messages = ?, findings = ?, errors = ? WHERE id = ?")) {
      end.setString(1, Instant.now().toString());
      end.setLong(2, summary.inputs());
      end.setLong(3, inputsSkipped);
      end.setLong(4, summary.messages());
      end.setLong(5, summary.findings());
      end.setLong(6, summary.errors());
      end.setLong(7, scanId);
      end.executeUpdate();
    }
    db.commit();
  }

  public synchronized long inputsSkipped() {
    return inputsSkipped;
  }

  @Override
  public synchronized void close() {
    try {
      db.rollback(); // an unfinished batch of an aborted scan: its steps are scanned again next time
      db.setAutoCommit(true);
    } catch (SQLException e) {
      // the connection is closed with the datastore
    }
  }

  private void commit(boolean inputDone) throws SQLException {
    refreshSecrets();
    try (PreparedStatement update = db.prepareStatement(
        "UPDATE inputs SET committed_ordinal = ?, messages = ?, parts = ?, skipped = ?, updated_at = ?"
            + (inputDone ? ", status = 'done', sha256 = ?" : "") + " WHERE id = ?")) {
      update.setLong(1, ordinal);
      update.setLong(2, messages);
      update.setLong(3, parts);
      update.setString(4, json(skipped));
      update.setString(5, Instant.now().toString());
      int i = 6;
      if (inputDone) {
        update.setString(i++, hash);
      }
      update.setLong(i, inputId);
      update.executeUpdate();
    }
    db.commit();
    batched = 0;
  }

  /** Keeps each touched secret's occurrence count and first/last message dates true to its findings. */
  private void refreshSecrets() throws SQLException {
    if (touched.isEmpty()) {
      return;
    }
    try (PreparedStatement refresh = db.prepareStatement(
        "UPDATE secrets SET occurrences = (SELECT COUNT(*) FROM findings WHERE fingerprint = ?1), "
            + "first_seen = (SELECT MIN(m.date_utc) FROM findings f JOIN messages m ON f.message_row = m.id WHERE f.fingerprint = ?1), "
            + "last_seen = (SELECT MAX(m.date_utc) FROM findings f JOIN messages m ON f.message_row = m.id WHERE f.fingerprint = ?1) "
            + "WHERE fingerprint = ?1")) {
      for (String fingerprint : touched) {
        refresh.setString(1, fingerprint);
        refresh.addBatch();
      }
      refresh.executeBatch();
    }
    touched.clear();
  }

  private long insertInput(InputPlan.Fresh fresh) throws SQLException {
    try (PreparedStatement insert = db.prepareStatement(
        "INSERT INTO inputs (path, size, mtime, status, rules_version, scan_id, updated_at) VALUES (?, ?, ?, 'scanning', ?, ?, ?)",
        Statement.RETURN_GENERATED_KEYS)) {
      insert.setString(1, fresh.path());
      insert.setLong(2, fresh.size());
      insert.setLong(3, fresh.mtime());
      insert.setString(4, rulesVersion);
      insert.setLong(5, scanId);
      insert.setString(6, Instant.now().toString());
      insert.executeUpdate();
      return generatedKey(insert);
    }
  }

  /** An input read again from the start: what earlier scans recorded of it goes, in the same transaction. */
  private long resetInput(InputPlan.Fresh fresh) throws SQLException {
    forget(fresh.inputId());
    try (PreparedStatement reset = db.prepareStatement(
        "UPDATE inputs SET size = ?, mtime = ?, sha256 = NULL, status = 'scanning', rules_version = ?, scan_id = ?, "
            + "committed_ordinal = 0, messages = 0, parts = 0, skipped = '{}', updated_at = ? WHERE id = ?")) {
      reset.setLong(1, fresh.size());
      reset.setLong(2, fresh.mtime());
      reset.setString(3, rulesVersion);
      reset.setLong(4, scanId);
      reset.setString(5, Instant.now().toString());
      reset.setLong(6, fresh.inputId());
      reset.executeUpdate();
    }
    return fresh.inputId();
  }

  /** Removes what earlier scans recorded of an input that is read again from the start. */
  private void forget(long id) throws SQLException {
    try (PreparedStatement q = db.prepareStatement(
        "SELECT DISTINCT f.fingerprint FROM findings f JOIN messages m ON f.message_row = m.id WHERE m.input_id = ?")) {
      q.setLong(1, id);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          touched.add(rs.getString(1));
        }
      }
    }
    for (String sql : List.of(
        "DELETE FROM findings WHERE message_row IN (SELECT id FROM messages WHERE input_id = ?)",
        "DELETE FROM messages WHERE input_id = ?",
        "DELETE FROM errors WHERE input_id = ?")) {
      try (PreparedStatement delete = db.prepareStatement(sql)) {
        delete.setLong(1, id);
        delete.executeUpdate();
      }
    }
    refreshSecrets();
  }

  private void insertError(ErrorRecord e) throws SQLException {
    {
      PreparedStatement insert = insertErrorStatement;
      insert.setLong(1, inputId);
      insert.setLong(2, ordinal);
      insert.setString(3, e.input());
      insert.setLong(4, e.messageIndex());
      insert.setString(5, e.part());
      insert.setString(6, e.kind().label());
      insert.setString(7, e.reason());
      insert.executeUpdate();
    }
  }

  private long insertMessage(Finding f) throws SQLException {
    {
      PreparedStatement insert = insertMessageStatement;
      insert.setLong(1, inputId);
      insert.setLong(2, ordinal);
      insert.setString(3, f.source());
      insert.setLong(4, f.messageIndex());
      insert.setLong(5, f.messageOffset());
      insert.setString(6, f.messageId());
      insert.setString(7, f.from());
      insert.setString(8, f.sender());
      insert.setString(9, f.replyTo());
      insert.setString(10, f.to());
      insert.setString(11, f.cc());
      insert.setString(12, f.date());
      insert.setString(13, MessageDates.toUtc(f.date()));
      insert.setString(14, f.subject());
      insert.executeUpdate();
      return generatedKey(insert);
    }
  }

  private void upsertSecret(Finding f) throws SQLException {
    {
      PreparedStatement upsert = upsertSecretStatement;
      upsert.setString(1, f.fingerprint());
      upsert.setString(2, f.ruleId());
      upsert.setString(3, f.ruleName());
      upsert.setString(4, f.provider());
      upsert.setString(5, f.severity());
      upsert.setString(6, f.secretRedacted());
      upsert.setString(7, showSecrets ? f.secret() : null);
      upsert.setString(8, remediationOf.apply(f.ruleId()));
      upsert.setLong(9, scanId);
      upsert.executeUpdate();
    }
    touched.add(f.fingerprint());
  }

  private void insertFinding(long messageRow, Finding f) throws SQLException {
    {
      PreparedStatement insert = insertFindingStatement;
      insert.setLong(1, messageRow);
      insert.setString(2, f.fingerprint());
      insert.setString(3, f.ruleId());
      insert.setString(4, f.ruleName());
      insert.setString(5, f.provider());
      insert.setString(6, f.severity());
      insert.setString(7, f.secretRedacted());
      insert.setString(8, f.part());
      insert.setInt(9, f.line());
      insert.setString(10, f.context());
      insert.setString(11, f.account());
      insert.setLong(12, scanId);
      insert.executeUpdate();
    }
  }

  private static Map<String, Integer> counts(String json) {
    try {
      return json == null ? Map.of() : JSON.readValue(json, COUNTS);
    } catch (JsonProcessingException e) {
      return Map.of();
    }
  }

  private static String json(Map<String, Integer> counts) {
    try {
      return JSON.writeValueAsString(new LinkedHashMap<>(counts));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long generatedKey(PreparedStatement statement) throws SQLException {
    try (ResultSet keys = statement.getGeneratedKeys()) {
      if (!keys.next()) {
        throw new SQLException("no row id returned");
      }
      return keys.getLong(1);
    }
  }
}
