package dev.cicallback.validator.internal.json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Tells a content-moderation (auditing) body apart from a job or workflow callback, and which of its two forms it is,
 * by its content: the Detail form has {@code EventName} ReviewImage, ReviewText, ...; the Simple form has no
 * {@code EventName} and {@code code}, {@code message} or {@code data}. The sender's {@code X-Ci-Content-Version}
 * header, when the caller passes it, decides for a body whose content does not tell.
 */
public final class ModerationCallbacks {

  private ModerationCallbacks() {}

  /**
   * The form of a moderation body: true for Simple, false for Detail, null for a job or workflow callback.
   *
   * @param hint the form the sender named (true Simple, false Detail), or null
   */
  public static Boolean form(JsonNode root, Boolean hint) {
    if (!root.isObject()) {
      return hint;
    }
    JsonNode eventName = root.get("EventName");
    if (eventName != null) {
      return isReview(eventName) ? Boolean.FALSE : null;
    }
    if (root.has("data") || root.has("code")) {
      return Boolean.TRUE;
    }
    return root.has("JobsDetail") || root.has("WorkflowExecution") ? null : hint;
  }

  /** Whether the JSON body is a moderation callback by its content alone. */
  public static boolean recognises(JsonNode root) {
    return form(root, null) != null;
  }

  private static boolean isReview(JsonNode name) {
    return name.isTextual() && name.asText().startsWith("Review");
  }
}
