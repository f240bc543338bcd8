package dev.cicallback.validator;

/**
 * What a content-moderation callback moderated, as its body says: {@code EventName} of the Detail form
 * ({@code data.event} of the Simple form), and for {@code ReviewVideo} the Detail form's {@code JobsDetail.Type}
 * ({@code live_video} for a live stream).
 */
public enum ModerationKind {
  /** {@code ReviewImage}. */
  IMAGE,
  /** {@code ReviewText}. */
  TEXT,
  /** {@code ReviewVideo} of a video file (a Simple callback of a live stream cannot be told from it, and is this). */
  VIDEO,
  /** {@code ReviewAudio}. */
  AUDIO,
  /** {@code ReviewVideo} with {@code JobsDetail.Type} {@code live_video}: one callback per batch of frames. */
  LIVE_STREAM,
  /** {@code ReviewDocument} (Detail form only). */
  DOCUMENT,
  /** {@code ReviewHtml} (Detail form only). */
  WEB_PAGE
}
