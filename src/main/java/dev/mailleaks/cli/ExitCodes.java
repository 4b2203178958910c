package dev.mailleaks.cli;

/** The process exit codes, documented in {@code --help}. */
final class ExitCodes {
  static final int CLEAN = 0;
  static final int FINDINGS = 1;
  static final int USAGE = 2;
  static final int INCOMPLETE = 3;

  private ExitCodes() {}
}
