package dev.cicallback.validator;

import com.fasterxml.jackson.databind.JsonMappingException;
import dev.cicallback.model.json.Callback;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a callback in either wire format into one model, {@link Callback} of {@code dev.cicallback.model.json}: one
 * pass of parsing detects the format, validates (strict or tolerant) and builds the payload's tree, which is then bound
 * to the model. Thread-safe; build one and reuse it.
 *
 * <pre>{@code
 * ReadResult read = CallbackReader.tolerant().read(body);
 * read.callback().ifPresent(callback -> callback.getJobsDetail().forEach(this::handle));
 * }</pre>
 */
public final class CallbackReader {

  private final CallbackValidator validator;

  private CallbackReader(CallbackValidator validator) {
    this.validator = validator;
  }

  public static CallbackReader strict() {
    return new CallbackReader(CallbackValidator.strict());
  }

  public static CallbackReader tolerant() {
    return new CallbackReader(CallbackValidator.tolerant());
  }

  public static CallbackReader create(ValidatorOptions options) {
    return new CallbackReader(CallbackValidator.create(options));
  }

  public ReadResult read(byte[] payload) {
    return bind(validator.check(payload, payload.length, true));
  }

  /** Reads at most the size limit + 1 bytes of {@code in}; the stream is not closed. */
  public ReadResult read(InputStream in) throws IOException {
    return bind(validator.check(in, true));
  }

  public ReadResult read(Path path) throws IOException {
    return bind(validator.check(path, true));
  }

  /**
   * Reads an answer of CI's job API (DescribeMediaJob, or the response to submitting a job): {@code <Response>} with
   * the same {@code JobsDetail} as a callback and no {@code EventName}, so that a service that confirms a callback
   * through the API (see SECURITY.md) reads the answer with the same model. Every other rule is this reader's.
   */
  public ReadResult readJobResponse(byte[] body) {
    PayloadCheck check = validator.check(body, body.length, true);
    List<Problem> kept =
        check.problems().stream().filter(p -> p.code() != ProblemCode.MISSING_EVENT_NAME).toList();
    return bind(check.withProblems(check.format(), kept));
  }

  private static ReadResult bind(PayloadCheck check) {
    ValidationResult validation = check.result();
    if (check.callback() != null) {
      return new ReadResult(validation, Optional.of(check.callback())); // bound as the quick pass validated it
    }
    if (!validation.isValid() || check.tree() == null) {
      return new ReadResult(validation, Optional.empty());
    }
    try {
      Callback callback = ModelMapper.MAPPER.treeToValue(check.tree(), Callback.class);
      return new ReadResult(validation, Optional.of(callback));
    } catch (JsonMappingException e) {
      // The schema admits a few texts the model cannot hold, such as 2022-02-30T00:00:00+0800.
      String pointer = pointerOf(e);
      List<Problem> problems = new ArrayList<>(validation.problems());
      problems.add(
          new Problem(
              Severity.ERROR,
              ProblemCode.VALUE,
              JsonPointers.lastToken(pointer) + ": " + rootCause(e).getMessage(),
              0,
              0,
              pointer));
      return new ReadResult(new ValidationResult(validation.format(), problems), Optional.empty());
    } catch (IOException e) {
      throw new IllegalStateException("binding a tree cannot fail to parse", e);
    }
  }

  private static String pointerOf(JsonMappingException e) {
    StringBuilder pointer = new StringBuilder();
    for (var reference : e.getPath()) {
      pointer.append('/');
      if (reference.getFieldName() != null) {
        pointer.append(reference.getFieldName());
      } else {
        pointer.append(reference.getIndex());
      }
    }
    return pointer.toString();
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
