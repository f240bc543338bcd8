package dev.cicallback.validator;

import dev.cicallback.model.json.Response;
import java.util.List;
import java.util.Optional;

/**
 * A callback read by {@link CallbackReader}: the validation verdict and, when the payload is valid, the callback as
 * the model. Nodes the contract does not know are not in the model; tolerant mode lists them in
 * {@link #unknownNodes()} (and as warnings among the problems), so they are never dropped unnoticed.
 */
public record ReadResult(ValidationResult validation, Optional<Response> callback) {

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

  /** Nodes the contract does not know, which the model could not keep: their paths and places. */
  public List<Problem> unknownNodes() {
    return validation.problems().stream()
        .filter(UnknownNodes::isUnknownNode)
        .toList();
  }
}
