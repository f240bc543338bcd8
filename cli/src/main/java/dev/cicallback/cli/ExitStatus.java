package dev.cicallback.cli;

/** Exit statuses of {@code ci-callback}. */
final class ExitStatus {

  /** Every payload is valid (warnings allowed). */
  static final int VALID = 0;

  /** At least one payload is invalid. */
  static final int INVALID = 1;

  /** The command line is wrong, or a path cannot be read. */
  static final int USAGE = 2;

  private ExitStatus() {}
}
