package dev.cicallback.validator;

import java.util.Locale;
import java.util.Optional;

/**
 * The two forms of a content-moderation callback, which the user chooses per moderation and CI names in the
 * {@code X-Ci-Content-Version} header: Detail ({@code EventName} and {@code JobsDetail}) and Simple ({@code code},
 * {@code message} and {@code data}, in snake_case).
 */
public enum ModerationForm {
  /** {@code {"EventName": "ReviewImage", "JobsDetail": {...}}}. */
  DETAIL,
  /** {@code {"code": 0, "message": "...", "data": {"event": "ReviewImage", ...}}}. */
  SIMPLE;

  /** The form an {@code X-Ci-Content-Version} header value names ({@code Simple}, {@code Detail}), if any. */
  public static Optional<ModerationForm> ofHeader(String value) {
    if (value == null) {
      return Optional.empty();
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "simple" -> Optional.of(SIMPLE);
      case "detail" -> Optional.of(DETAIL);
      default -> Optional.empty();
    };
  }
}
