package dev.cicallback.validator;

import com.fasterxml.jackson.databind.JsonMappingException;
import dev.cicallback.model.json.Callback;
import dev.cicallback.model.moderation.json.ModerationDetail;
import dev.cicallback.model.moderation.json.ModerationSimple;
import dev.cicallback.validator.internal.Pipeline;
import dev.cicallback.validator.internal.core.JsonPointers;
import dev.cicallback.validator.internal.core.Messages;
import dev.cicallback.validator.internal.core.PayloadCheck;
import dev.cicallback.validator.internal.core.Text;
import dev.cicallback.validator.internal.json.ModelMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a callback in either wire format into one model, {@link Callback} of {@code dev.cicallback.model.json}, or a
 * content-moderation callback (JSON, either form) into {@link ModerationCallback}: one
 * pass of parsing detects the format, validates (strict or tolerant) and builds the payload's tree, which is then bound
 * to the model. Thread-safe; build one and reuse it.
 *
 * <pre>{@code
 * ReadResult read = CallbackReader.tolerant().read(body);
 * read.callback().ifPresent(callback -> callback.getJobsDetail().forEach(this::handle));
 * }</pre>
 */
public final class CallbackReader {

  private final Pipeline pipeline;

  private CallbackReader(ValidatorOptions options) {
    this.pipeline = Pipeline.reading(options);
  }

  /** The schemas as they are: a node the contract does not know is an error and nothing is read. */
  public static CallbackReader strict() {
    return new CallbackReader(ValidatorOptions.defaults());
  }

  /** Nodes the contract does not know are warnings, and kept in the model. */
  public static CallbackReader tolerant() {
    return new CallbackReader(ValidatorOptions.builder().mode(ValidatorOptions.Mode.TOLERANT).build());
  }

  public static CallbackReader create(ValidatorOptions options) {
    return new CallbackReader(Objects.requireNonNull(options, "options"));
  }

  public ValidatorOptions options() {
    return pipeline.options();
  }

  /** Reads a payload held in memory. */
  public ReadResult read(byte[] payload) {
    Objects.requireNonNull(payload, "payload");
    return bind(pipeline.check(payload, payload.length));
  }

  /**
   * Reads a payload held in memory that came with an {@code X-Ci-Content-Version} header ({@code Simple} or
   * {@code Detail}, or null when there was none): the form a content-moderation body is in when its content does not
   * tell (a body's content decides otherwise, and a job callback is read as one whatever the header says).
   */
  public ReadResult read(byte[] payload, String contentVersion) {
    Objects.requireNonNull(payload, "payload");
    Boolean simple = ModerationForm.ofHeader(contentVersion).map(f -> f == ModerationForm.SIMPLE).orElse(null);
    return bind(pipeline.check(payload, payload.length, simple));
  }

  /** Reads at most the size limit + 1 bytes of {@code in}; the stream is not closed. */
  public ReadResult read(InputStream in) throws IOException {
    return bind(pipeline.check(in));
  }

  /** Reads the file at {@code path}, refusing files larger than the limit before reading them. */
  public ReadResult read(Path path) throws IOException {
    return bind(pipeline.check(path));
  }

  /**
   * Reads an answer of CI's job API (DescribeMediaJob, or the response to submitting a job): {@code <Response>} with
   * the same {@code JobsDetail} as a callback and no {@code EventName}, so that a service that confirms a callback
   * through the API (see SECURITY.md) reads the answer with the same model. Every other rule is this reader's.
   */
  public ReadResult readJobResponse(byte[] body) {
    Objects.requireNonNull(body, "body");
    PayloadCheck check = pipeline.check(body, body.length);
    List<Problem> kept =
        check.problems().stream().filter(p -> p.code() != ProblemCode.MISSING_EVENT_NAME).toList();
    return bind(check.withProblems(check.format(), kept));
  }

  private static ReadResult bind(PayloadCheck check) {
    ValidationResult validation = CallbackValidator.result(check);
    if (check.moderation() != null) {
      return bindModeration(validation, check);
    }
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
      // Validation enforces what binding does (dates are held to CiTimestamp by the patterns, numbers are text), so
      // this is a disagreement between the contract and the model: a bug of ours, reported, never thrown.
      String pointer = pointerOf(e);
      List<Problem> problems = new ArrayList<>(validation.problems());
      problems.add(
          Messages.error(
              ProblemCode.INTERNAL,
              0,
              0,
              pointer,
              Text.INTERNAL_UNBINDABLE,
              JsonPointers.lastToken(pointer),
              rootCause(e).getMessage()));
      return new ReadResult(new ValidationResult(validation.format(), problems), Optional.empty());
    } catch (IOException e) {
      throw new IllegalStateException("binding a tree cannot fail to parse", e);
    }
  }

  /** A moderation body: its root bound by the quick pass, or its tree bound now when it is valid. */
  private static ReadResult bindModeration(ValidationResult validation, PayloadCheck check) {
    boolean simple = check.moderation().simple();
    Object bound = check.moderation().bound();
    if (bound == null) {
      if (!validation.isValid() || check.tree() == null) {
        return new ReadResult(validation, Optional.empty());
      }
      try {
        Class<?> root = simple ? ModerationSimple.class : ModerationDetail.class;
        bound = ModelMapper.MAPPER.treeToValue(check.tree(), root);
      } catch (JsonMappingException e) {
        String pointer = pointerOf(e);
        List<Problem> problems = new ArrayList<>(validation.problems());
        problems.add(Messages.error(ProblemCode.INTERNAL, 0, 0, pointer, Text.INTERNAL_UNBINDABLE,
            JsonPointers.lastToken(pointer), rootCause(e).getMessage()));
        return new ReadResult(new ValidationResult(validation.format(), problems), Optional.empty());
      } catch (IOException e) {
        throw new IllegalStateException("binding a tree cannot fail to parse", e);
      }
    }
    ModerationCallback moderation = simple ? ModerationCallback.of((ModerationSimple) bound)
        : ModerationCallback.of((ModerationDetail) bound);
    return new ReadResult(validation, Optional.empty(), Optional.of(moderation));
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
