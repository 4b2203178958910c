package dev.mailleaks.rules.peer;

/** A peer regex uses a construct that Java regex cannot express; the message says which. */
public final class UntranslatableRegexException extends Exception {
  public UntranslatableRegexException(String message) {
    super(message);
  }
}
