package dev.cicallback.validator;

import dev.cicallback.model.moderation.json.ModerationDetail;
import dev.cicallback.model.moderation.json.ModerationSimple;
import java.util.Objects;
import java.util.Optional;

/**
 * A content-moderation callback as read: what it moderated ({@link #kind()}), its form, and its body as the generated
 * root type of that form, {@link Detail} or {@link Simple} (a sealed pair: on Java 21, a switch over them needs no
 * default), or ask {@link #detail()} / {@link #simple()}:
 *
 * <pre>{@code
 * read.moderation().ifPresent(m -> {
 *   if (m instanceof ModerationCallback.Detail d) {
 *     store(m.kind(), d.body().getJobsDetail().getResult());
 *   } else if (m instanceof ModerationCallback.Simple s) {
 *     store(m.kind(), s.body().getData().getResult());
 *   }
 * });
 * }</pre>
 */
public sealed interface ModerationCallback {

  /** What was moderated. */
  ModerationKind kind();

  /** Which form the body is in. */
  ModerationForm form();

  /** The body when it is in the Detail form. */
  default Optional<ModerationDetail> detail() {
    return this instanceof Detail d ? Optional.of(d.body()) : Optional.empty();
  }

  /** The body when it is in the Simple form. */
  default Optional<ModerationSimple> simple() {
    return this instanceof Simple s ? Optional.of(s.body()) : Optional.empty();
  }

  /**
   * A Detail callback ({@code EventName}, {@code JobsDetail}).
   *
   * @param kind what was moderated
   * @param body the body
   */
  record Detail(ModerationKind kind, ModerationDetail body) implements ModerationCallback {
    public Detail {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(body, "body");
    }

    @Override
    public ModerationForm form() {
      return ModerationForm.DETAIL;
    }
  }

  /**
   * A Simple callback ({@code code}, {@code message}, {@code data}).
   *
   * @param kind what was moderated
   * @param body the body
   */
  record Simple(ModerationKind kind, ModerationSimple body) implements ModerationCallback {
    public Simple {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(body, "body");
    }

    @Override
    public ModerationForm form() {
      return ModerationForm.SIMPLE;
    }
  }

  /** The callback of a bound Detail body, its kind told by EventName and JobsDetail.Type. */
  static Detail of(ModerationDetail body) {
    String type = body.getJobsDetail() == null ? null : body.getJobsDetail().getType();
    return new Detail(kind(body.getEventName().value(), type), body);
  }

  /** The callback of a bound Simple body, its kind told by data.event. */
  static Simple of(ModerationSimple body) {
    return new Simple(kind(body.getData().getEvent().value(), null), body);
  }

  private static ModerationKind kind(String event, String type) {
    return switch (event) {
      case "ReviewImage" -> ModerationKind.IMAGE;
      case "ReviewText" -> ModerationKind.TEXT;
      case "ReviewAudio" -> ModerationKind.AUDIO;
      case "ReviewDocument" -> ModerationKind.DOCUMENT;
      case "ReviewHtml" -> ModerationKind.WEB_PAGE;
      case "ReviewVideo" -> "live_video".equals(type) ? ModerationKind.LIVE_STREAM : ModerationKind.VIDEO;
      default -> throw new IllegalArgumentException("not a moderation event the contract knows: " + event);
    };
  }
}
