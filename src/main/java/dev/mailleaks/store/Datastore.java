package dev.mailleaks.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The findings datastore: one SQLite file, created owner-only (it says where secrets are, and holds them when a
 * scan was told to), its schema migrated on open. One connection, used by one thread at a time.
 */
public final class Datastore implements AutoCloseable {
  private final Path path;
  private final Connection connection;

  private Datastore(Path path, Connection connection) {
    this.path = path;
    this.connection = connection;
  }

  /** Opens {@code path}, creating it when missing and migrating it to the current schema. */
  public static Datastore open(Path path) throws DatastoreException {
    return open(path, Schema.VERSION);
  }

  /** Opens a datastore a scan has created; a missing file is an error, not a new empty datastore. */
  public static Datastore openExisting(Path path) throws DatastoreException {
    if (!Files.isRegularFile(path)) {
      throw new DatastoreException("no datastore at " + path + ": run mailleaks scan first (or give --datastore)");
    }
    return open(path);
  }

  /** Opens and migrates to {@code version} only: for tests of migrations from older versions. */
  static Datastore open(Path path, int version) throws DatastoreException {
    try {
      createOwnerOnly(path);
    } catch (IOException e) {
      throw new DatastoreException("cannot create datastore " + path + ": " + e.getMessage(), e);
    }
    Connection connection;
    try {
      connection = DriverManager.getConnection("jdbc:sqlite:" + path);
    } catch (SQLException e) {
      throw new DatastoreException("cannot open datastore " + path + ": " + e.getMessage(), e);
    }
    try {
      try (Statement s = connection.createStatement()) {
        // WAL: a reader (report, notify) never blocks a running scan; FULL: a committed batch survives power loss.
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = FULL");
        s.execute("PRAGMA foreign_keys = ON");
        s.execute("PRAGMA busy_timeout = 10000");
      }
      int current = userVersion(connection);
      if (current > Schema.VERSION) {
        throw new DatastoreException("datastore " + path + " has schema version " + current
            + ", newer than this mailleaks understands (" + Schema.VERSION + "): use a newer mailleaks");
      }
      if (current < version) {
        Schema.migrate(connection, current, version);
      }
      return new Datastore(path, connection);
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new DatastoreException("datastore " + path + " cannot be used: " + firstLine(e), e);
    } catch (DatastoreException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  public Path path() {
    return path;
  }

  public int schemaVersion() throws SQLException {
    return userVersion(connection);
  }

  Connection connection() {
    return connection;
  }

  @Override
  public void close() {
    closeQuietly(connection);
  }

  /** Work against the database that may fail part-way. */
  interface SqlWork {
    void run() throws SQLException;
  }

  /** Runs {@code work} in one transaction: committed whole, or rolled back on any error (which is rethrown). */
  static void inTransaction(Connection connection, SqlWork work) throws SQLException {
    boolean auto = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      work.run();
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(auto);
    }
  }

  static String firstLine(SQLException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse(message);
  }

  private static int userVersion(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  /** SQLite gives its -wal and -shm files the database file's permissions, so owner-only carries over. */
  private static void createOwnerOnly(Path path) throws IOException {
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (!Files.exists(path)) {
      Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // nothing more to do with it
    }
  }
}
