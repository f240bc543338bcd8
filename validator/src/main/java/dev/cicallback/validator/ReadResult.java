package dev.cicallback.validator;

import dev.cicallback.model.json.Callback;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A callback read by {@link CallbackReader}: the validation verdict and, when the payload is valid, the callback as
 * the model. Nodes the contract does not know are kept in the model, in order, with their values (each generated
 * class's {@code getAdditionalProperties()}), and written back by {@link CallbackWriter}; tolerant mode also lists
 * them in {@link #unknownNodes()} (and as warnings among the problems). Made by the reader only.
 */
public final class ReadResult {

  // Not a record: a public record's canonical constructor must be public, and only the reader makes these.
  private final ValidationResult validation;
  private final Optional<Callback> callback;

  ReadResult(ValidationResult validation, Optional<Callback> callback) {
    this.validation = Objects.requireNonNull(validation, "validation");
    this.callback = Objects.requireNonNull(callback, "callback");
  }

  /** The verdict, as {@link CallbackValidator} gives it. */
  public ValidationResult validation() {
    return validation;
  }

  /** The callback as the model: present exactly when the payload is valid. */
  public Optional<Callback> callback() {
    return callback;
  }

  public boolean isValid() {
    return validation.isValid() && callback.isPresent();
  }

  public List<Problem> problems() {
    return validation.problems();
  }

  public Optional<PayloadFormat> format() {
    return validation.format();
  }

  /**
   * What finished: {@code TaskFinish} (a job) or {@code WorkflowFinish} (a workflow run), as the body says or, for a
   * body without EventName read in tolerant mode, as its content shows; empty when nothing was read.
   */
  public Optional<String> event() {
    return callback.map(
        c -> c.getEventName() != null
            ? c.getEventName().value()
            : c.getWorkflowExecution() != null ? "WorkflowFinish" : "TaskFinish");
  }

  /** The job Tags read (Tts, Transcode, ...), one per job, known to the contract or not; empty for a workflow run. */
  public List<String> tags() {
    return callback.map(c -> c.getJobsDetail().stream().map(dev.cicallback.model.json.JobsDetail::getTag).toList())
        .orElse(List.of());
  }

  /** Nodes and job Tags the contract does not know (kept in the model): their paths and places. */
  public List<Problem> unknownNodes() {
    return validation.problems().stream()
        .filter(Problem::isUnknown)
        .toList();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ReadResult o && validation.equals(o.validation) && callback.equals(o.callback);
  }

  @Override
  public int hashCode() {
    return Objects.hash(validation, callback);
  }

  @Override
  public String toString() {
    return "ReadResult[" + validation + ", callback " + (callback.isPresent() ? "read" : "none") + "]";
  }
}
