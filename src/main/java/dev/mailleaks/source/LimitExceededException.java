package dev.mailleaks.source;

import java.io.IOException;

/** Thrown by a guarded stream when a limit is hit; carries which one, for the error record. */
public final class LimitExceededException extends IOException {
  private final ErrorKind kind;

  public LimitExceededException(ErrorKind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public ErrorKind kind() {
    return kind;
  }
}
