package dev.cicallback.validator;

import java.util.List;
import java.util.Optional;

/**
 * The verdict on one payload: the format it was read as (empty when it is neither XML nor JSON) and every problem
 * found, in document order.
 */
public record ValidationResult(Optional<PayloadFormat> format, List<Problem> problems) {

  public ValidationResult {
    format = format == null ? Optional.empty() : format;
    problems = List.copyOf(problems);
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
}
