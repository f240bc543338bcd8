package dev.cicallback.spring.autoconfigure;

import java.util.Objects;

/**
 * A valid callback whose job or workflow run was already handled (de-duplication on): thrown while the body is read,
 * so that the controller is not called, and answered 200 by {@link CallbackProblemAdvice}, so that CI stops
 * delivering it.
 */
public final class DuplicateCallbackException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String key;

  public DuplicateCallbackException(String key) {
    super("a second delivery of " + key + ", already handled", null, false, false);
    this.key = Objects.requireNonNull(key, "key");
  }

  /** The de-duplication key ({@link CallbackKeys}). */
  public String key() {
    return key;
  }
}
