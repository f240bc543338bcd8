package dev.cicallback.spring.autoconfigure;

import dev.cicallback.validator.Problem;
import dev.cicallback.validator.ReadResult;
import java.util.Objects;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * A posted body that is not a valid callback; {@link CallbackProblemAdvice} answers it with 400 and every problem.
 * (Without the advice, Spring answers it 400 as any unreadable body.)
 */
public final class InvalidCallbackException extends HttpMessageNotReadableException {

  private static final long serialVersionUID = 1L;

  private final transient ReadResult read;

  public InvalidCallbackException(ReadResult read, HttpInputMessage input) {
    super(summary(read), input);
    this.read = Objects.requireNonNull(read, "read");
  }

  /** What the reader made of the body: its problems, errors and warnings, in document order. */
  public ReadResult read() {
    return read;
  }

  private static String summary(ReadResult read) {
    var errors = read.validation().errors();
    if (errors.isEmpty()) {
      return "not a valid callback";
    }
    Problem first = errors.get(0);
    return "not a valid callback: " + (errors.size() == 1 ? "" : errors.size() + " errors, the first ")
        + first.line() + ":" + first.column() + ": " + first.message()
        + (first.location().isEmpty() ? "" : " (" + first.location() + ")");
  }
}
