package dev.cicallback.spring.autoconfigure;

import dev.cicallback.validator.ReadResult;
import java.util.Objects;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * A valid callback of another kind than the parameter takes: a content-moderation body at a {@code Callback}
 * parameter, a job or workflow callback at a {@code ModerationCallback} one, or the other moderation form at a
 * {@code ModerationCallback.Detail} or {@code .Simple} one. {@link CallbackProblemAdvice} answers it with 400.
 */
public final class WrongCallbackKindException extends HttpMessageNotReadableException {

  private static final long serialVersionUID = 1L;

  private final transient ReadResult read;

  public WrongCallbackKindException(String message, ReadResult read, HttpInputMessage input) {
    super(message, input);
    this.read = Objects.requireNonNull(read, "read");
  }

  /** What the reader made of the body (valid, of the kind it says). */
  public ReadResult read() {
    return read;
  }
}
