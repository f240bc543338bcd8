package dev.cicallback.validator;

import dev.cicallback.model.json.Callback;
import java.util.List;
import java.util.Optional;

/**
 * A callback read by {@link CallbackReader}: the validation verdict and, when the payload is valid, the callback as
 * the model. Nodes the contract does not know are kept in the model, in order, with their values (each generated class's
 * {@code getAdditionalProperties()}), and written back by {@link CallbackWriter}; tolerant mode also lists them in
 * {@link #unknownNodes()} (and as warnings among the problems).
 */
public record ReadResult(ValidationResult validation, Optional<Callback> callback) {

  public ReadResult {
    callback = callback == null ? Optional.empty() : callback;
  }

  public boolean isValid() {
    return validation.isValid() && callback.isPresent();
  }

  public List<Problem> problems() {
    return validation.problems();
  }

  public Optional<PayloadFormat> format() {
    return validation.format();
  }

  /** Nodes and job Tags the contract does not know (kept in the model): their paths and places. */
  public List<Problem> unknownNodes() {
    return validation.problems().stream()
        .filter(Problem::isUnknown)
        .toList();
  }
}
