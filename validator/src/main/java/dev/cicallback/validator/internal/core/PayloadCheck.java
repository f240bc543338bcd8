package dev.cicallback.validator.internal.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cicallback.model.json.Callback;
import dev.cicallback.validator.PayloadFormat;
import dev.cicallback.validator.Problem;
import java.util.List;
import java.util.Optional;

/**
 * What one pass over a payload found: its format, its problems, and (when asked for and the payload could be read)
 * what to bind, its tree in CI's JSON form with unknown nodes taken out, or, for a JSON payload the quick pass found
 * valid as it stands, the model it bound while validating; for a content-moderation body, which form it is
 * ({@link ModerationRead}).
 */
public record PayloadCheck(
    Optional<PayloadFormat> format, List<Problem> problems, JsonNode tree, Callback callback,
    ModerationRead moderation) {

  public PayloadCheck(Optional<PayloadFormat> format, List<Problem> problems, JsonNode tree) {
    this(format, problems, tree, null, null);
  }

  public PayloadCheck(Optional<PayloadFormat> format, List<Problem> problems, JsonNode tree, Callback callback) {
    this(format, problems, tree, callback, null);
  }

  /** The same check with {@code problems} in place of its own. */
  public PayloadCheck withProblems(Optional<PayloadFormat> newFormat, List<Problem> newProblems) {
    return new PayloadCheck(newFormat, newProblems, tree, callback, moderation);
  }
}
