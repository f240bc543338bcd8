package dev.cicallback.spring.autoconfigure;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** A posted body over {@code ci-callback.max-bytes}, refused unread; {@link CallbackProblemAdvice} answers 413. */
public final class CallbackTooLargeException extends HttpMessageNotReadableException {

  private static final long serialVersionUID = 1L;

  private final long limit;

  public CallbackTooLargeException(long limit, HttpInputMessage input) {
    super("the body is larger than the limit of " + limit + " bytes (ci-callback.max-bytes); refused unread", input);
    this.limit = limit;
  }

  /** The limit, in bytes. */
  public long limit() {
    return limit;
  }
}
