package dev.cicallback.cli.simulate;

import dev.cicallback.validator.PayloadFormat;
import java.util.Optional;

/**
 * One body to post: what it is (an event and format, a file's name), its format when it has one, its bytes, its
 * JobId or RunId when it has one, the answer an endpoint should give it, and the {@code X-Ci-Content-Version} header
 * CI sends a content-moderation callback with.
 */
public record Body(
    String label, Optional<PayloadFormat> format, byte[] bytes, String id, Expect expect,
    Optional<String> contentVersion) {

  /** A body sent without {@code X-Ci-Content-Version} (every callback but a content moderation's). */
  public Body(String label, Optional<PayloadFormat> format, byte[] bytes, String id, Expect expect) {
    this(label, format, bytes, id, expect, Optional.empty());
  }

  /** The answer an endpoint should give a body. */
  public enum Expect {
    /** A body the contract accepts: 2xx. */
    ACCEPTED,
    /** A body the contract refuses: 4xx. */
    REFUSED,
    /** A body over the endpoint's size limit: 4xx, or the connection closed before the body is read. */
    REFUSED_OR_CLOSED;

    /** Whether {@code status} (or, when it is empty, a connection closed without an answer) is this answer. */
    boolean matches(Optional<Integer> status) {
      if (status.isEmpty()) {
        return this == REFUSED_OR_CLOSED;
      }
      int code = status.get();
      return this == ACCEPTED ? code >= 200 && code < 300 : code >= 400 && code < 500;
    }

    String describe() {
      return switch (this) {
        case ACCEPTED -> "2xx";
        case REFUSED -> "4xx";
        case REFUSED_OR_CLOSED -> "4xx or a closed connection";
      };
    }
  }

  /** The Content-Type CI would send it with. */
  String contentType() {
    return format.map(f -> f == PayloadFormat.XML ? "application/xml" : "application/json")
        .orElse("application/octet-stream");
  }
}
