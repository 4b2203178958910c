package dev.mailleaks.extract;

import dev.mailleaks.source.ErrorKind;

/** An attachment whose text could not be extracted, and why. */
public final class ExtractionException extends Exception {
  private final ErrorKind kind;

  public ExtractionException(ErrorKind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public ErrorKind kind() {
    return kind;
  }
}
