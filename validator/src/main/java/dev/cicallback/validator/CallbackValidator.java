package dev.cicallback.validator;

import dev.cicallback.validator.internal.Pipeline;
import dev.cicallback.validator.internal.core.PayloadCheck;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Checks CI callback payloads (XML or JSON) against the contract and reports every problem with its line, column
 * and XPath or JSON Pointer.
 *
 * <p>Build one and reuse it: the compiled schemas are shared, and {@code validate} is safe to call from many
 * threads at once. Bodies are untrusted: parsing is hardened and bounded by {@link ValidatorOptions}, and bad input
 * always comes back as problems, never as an exception.
 *
 * <pre>{@code
 * CallbackValidator validator = CallbackValidator.tolerant();
 * ValidationResult result = validator.validate(body);
 * if (!result.isValid()) { result.errors().forEach(p -> log.warn("{}:{} {} ({})", p.line(), p.column(), p.message(), p.location())); }
 * }</pre>
 */
public final class CallbackValidator {

  private final Pipeline pipeline;

  private CallbackValidator(ValidatorOptions options) {
    this.pipeline = Pipeline.validating(options);
  }

  /** The schemas as they are: a node the contract does not know is an error. */
  public static CallbackValidator strict() {
    return new CallbackValidator(ValidatorOptions.defaults());
  }

  /** Nodes the contract does not know are warnings; everything else as in {@link #strict()}. */
  public static CallbackValidator tolerant() {
    return new CallbackValidator(ValidatorOptions.builder().mode(ValidatorOptions.Mode.TOLERANT).build());
  }

  public static CallbackValidator create(ValidatorOptions options) {
    return new CallbackValidator(Objects.requireNonNull(options, "options"));
  }

  public ValidatorOptions options() {
    return pipeline.options();
  }

  /** Validates a payload held in memory. */
  public ValidationResult validate(byte[] payload) {
    Objects.requireNonNull(payload, "payload");
    return result(pipeline.check(payload, payload.length));
  }

  /**
   * Validates a payload read from {@code in}, reading at most {@link ValidatorOptions#maxBytes()} + 1 bytes: a
   * larger payload is refused without reading the rest. The stream is not closed.
   *
   * @throws IOException if reading fails
   */
  public ValidationResult validate(InputStream in) throws IOException {
    return result(pipeline.check(in));
  }

  /**
   * Validates the file at {@code path}, refusing files larger than the limit before reading them.
   *
   * @throws IOException if the file cannot be read
   */
  public ValidationResult validate(Path path) throws IOException {
    return result(pipeline.check(path));
  }

  /** The verdict of one pipeline check. */
  static ValidationResult result(PayloadCheck check) {
    return new ValidationResult(check.format(), check.problems());
  }
}
