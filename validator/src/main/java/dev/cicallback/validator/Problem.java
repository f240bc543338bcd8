package dev.cicallback.validator;

import java.util.Objects;

/**
 * One thing wrong with a payload (or, as a warning, worth knowing).
 *
 * @param severity error or warning
 * @param code what kind of problem it is, for code that acts on problems (messages are for people)
 * @param message what is wrong, in words: which node, what was found, what is allowed
 * @param line 1-based line where the node at fault starts, or 0 if the payload has no lines to speak of
 * @param column 1-based column where the node at fault starts, or 0
 * @param location XPath ({@code /Response/JobsDetail[1]/Operation}) or JSON Pointer ({@code /JobsDetail/0/Operation})
 *     of the node at fault; empty for the document as a whole
 */
public record Problem(
    Severity severity, ProblemCode code, String message, int line, int column, String location) {

  public Problem {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(location, "location");
  }

  /** Whether this problem reports a node or Tag the contract does not know (a warning in tolerant mode). */
  public boolean isUnknown() {
    return code == ProblemCode.UNKNOWN_NODE || code == ProblemCode.UNKNOWN_TAG;
  }

  /** Whether this problem makes the payload invalid. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
