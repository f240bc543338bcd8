package dev.cicallback.validator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cicallback.model.json.Callback;
import java.util.List;
import java.util.Optional;

/**
 * What one pass over a payload found: its format, its problems, and (when asked for and the payload could be read)
 * what to bind, its tree in CI's JSON form with unknown nodes taken out, or, for a JSON payload the quick pass found
 * valid as it stands, the model it bound while validating.
 */
record PayloadCheck(Optional<PayloadFormat> format, List<Problem> problems, JsonNode tree, Callback callback) {

  PayloadCheck(Optional<PayloadFormat> format, List<Problem> problems, JsonNode tree) {
    this(format, problems, tree, null);
  }

  ValidationResult result() {
    return new ValidationResult(format, problems);
  }

  /** The same check with {@code problems} in place of its own. */
  PayloadCheck withProblems(Optional<PayloadFormat> newFormat, List<Problem> newProblems) {
    return new PayloadCheck(newFormat, newProblems, tree, callback);
  }
}
