package dev.cicallback.validator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * What one pass over a payload found: its format, its problems, and (when asked for and the payload could be read)
 * its tree in CI's JSON form with unknown nodes taken out.
 */
record PayloadCheck(Optional<PayloadFormat> format, List<Problem> problems, JsonNode tree) {

  ValidationResult result() {
    return new ValidationResult(format, problems);
  }
}
