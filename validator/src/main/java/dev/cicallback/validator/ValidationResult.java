package dev.cicallback.validator;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The verdict on one payload: the format it was read as (empty when it is neither XML nor JSON) and every problem
 * found, in document order. Made by the validator and the reader only.
 */
public final class ValidationResult {

  // Not a record: a public record's canonical constructor must be public, and only the validator and the reader
  // make these.
  private final Optional<PayloadFormat> format;
  private final List<Problem> problems;

  ValidationResult(Optional<PayloadFormat> format, List<Problem> problems) {
    this.format = Objects.requireNonNull(format, "format");
    this.problems = List.copyOf(problems);
  }

  /** The format the payload was read as; empty when it is neither XML nor JSON, or was refused unread. */
  public Optional<PayloadFormat> format() {
    return format;
  }

  /** Every problem, errors and warnings, in document order. */
  public List<Problem> problems() {
    return problems;
  }

  /** Valid means no errors; warnings are allowed. */
  public boolean isValid() {
    return problems.stream().noneMatch(Problem::isError);
  }

  /** The errors only. */
  public List<Problem> errors() {
    return problems.stream().filter(Problem::isError).toList();
  }

  /** The warnings only. */
  public List<Problem> warnings() {
    return problems.stream().filter(p -> !p.isError()).toList();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ValidationResult o && format.equals(o.format) && problems.equals(o.problems);
  }

  @Override
  public int hashCode() {
    return Objects.hash(format, problems);
  }

  @Override
  public String toString() {
    return "ValidationResult[format=" + format.map(Enum::name).orElse("none") + ", problems=" + problems + "]";
  }
}
