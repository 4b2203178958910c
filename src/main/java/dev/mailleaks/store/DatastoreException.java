package dev.mailleaks.store;

/** The datastore cannot be used: a clear message for the user, no stack trace needed. */
public final class DatastoreException extends Exception {
  public DatastoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public DatastoreException(String message) {
    super(message);
  }
}
