package dev.cicallback.spring.autoconfigure;

import java.util.Objects;

/**
 * CI's own record does not confirm a callback: no such job, run or moderation job, or one that differs on a field that
 * matters ({@link #mismatch()}). Answered 403 without the mismatch (a forger learns nothing of what was checked).
 */
public class CallbackNotConfirmedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String mismatch;

  public CallbackNotConfirmedException(String mismatch) {
    super("callback not confirmed by CI's API: " + mismatch, null, false, false);
    this.mismatch = Objects.requireNonNull(mismatch, "mismatch");
  }

  /** What differs, in words: {@code job j1: State is Failed in CI's record, Success in the callback}. */
  public String mismatch() {
    return mismatch;
  }
}
