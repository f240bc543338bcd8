package dev.cicallback.validator.internal.json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Recognises content-moderation (auditing) callbacks: another product of CI, with its own format, that may reach the
 * same URL. They are refused with one problem that says what they are, not with a dozen problems about their nodes.
 */
public final class ModerationCallbacks {

  private ModerationCallbacks() {}

  /**
   * Whether the JSON body is one: the "Detail" form ({@code EventName} ReviewImage, ReviewText, ...) or the "Simple"
   * form ({@code data.event} Review...).
   */
  public static boolean recognises(JsonNode root) {
    return root.isObject()
        && (isReview(root.path("EventName"))
            || root.path("data").isObject() && isReview(root.path("data").path("event")));
  }

  private static boolean isReview(JsonNode name) {
    return name.isTextual() && name.asText().matches("Review[A-Z][A-Za-z]{1,20}");
  }
}
