package dev.cicallback.spring.autoconfigure;

import java.util.Locale;

/** What became of one posted body: the {@code outcome} tag of the metrics. */
public enum CallbackOutcome {
  /** Read and valid: handed to the controller. */
  VALID,
  /** Read and refused: answered 400 with its problems. */
  INVALID,
  /** Over {@code ci-callback.max-bytes}: answered 413 without being read whole. */
  TOO_LARGE,
  /** Valid, but a delivery already handled (de-duplication on): answered 200 without reaching the controller. */
  DUPLICATE,
  /**
   * Valid, but the de-duplication store could not be asked: answered 503 (CI delivers it again) without reaching the
   * controller.
   */
  STORE_UNAVAILABLE,
  /**
   * Without the URL secret, or with a wrong one ({@code ci-callback.url-secret}): answered 404 before the body is read.
   */
  WRONG_SECRET,
  /** Read and valid, but CI's API does not confirm it ({@code ci-callback.confirm}): answered 403 as forged. */
  NOT_CONFIRMED,
  /** Read and valid, but CI's API could not be asked to confirm it: answered 503 (CI delivers it again). */
  CONFIRMATION_UNAVAILABLE;

  /**
   * The tag value: {@code valid}, {@code invalid}, {@code too_large}, {@code duplicate}, {@code store_unavailable},
   * {@code wrong_secret}, {@code not_confirmed}, {@code confirmation_unavailable}.
   */
  public String tagValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
