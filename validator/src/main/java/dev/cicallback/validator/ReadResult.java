package dev.cicallback.validator;

import dev.cicallback.model.json.Callback;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A callback read by {@link CallbackReader}: the validation verdict and, when the payload is valid, the callback as
 * the model: a job's or workflow run's ({@link #callback()}) or a content moderation's ({@link #moderation()}), as
 * {@link #kind()} tells. Nodes the contract does not know are kept in the model, in order, with their values (each generated
 * class's {@code getAdditionalProperties()}), and written back by {@link CallbackWriter}; tolerant mode also lists
 * them in {@link #unknownNodes()} (and as warnings among the problems). Made by the reader only.
 */
public final class ReadResult {

  // Not a record: a public record's canonical constructor must be public, and only the reader makes these.
  private final ValidationResult validation;
  private final Optional<Callback> callback;
  private final Optional<ModerationCallback> moderation;

  ReadResult(ValidationResult validation, Optional<Callback> callback) {
    this(validation, callback, Optional.empty());
  }

  ReadResult(ValidationResult validation, Optional<Callback> callback, Optional<ModerationCallback> moderation) {
    this.validation = Objects.requireNonNull(validation, "validation");
    this.callback = Objects.requireNonNull(callback, "callback");
    this.moderation = Objects.requireNonNull(moderation, "moderation");
  }

  /** The verdict, as {@link CallbackValidator} gives it. */
  public ValidationResult validation() {
    return validation;
  }

  /** A job's or workflow run's callback as the model: present exactly when the payload is a valid one. */
  public Optional<Callback> callback() {
    return callback;
  }

  /**
   * A content-moderation callback, with its kind, its form and its body as that form's model: present exactly when
   * the payload is a valid one.
   */
  public Optional<ModerationCallback> moderation() {
    return moderation;
  }

  /** What was read: a job's, a workflow run's or a moderation's callback; empty when nothing was read. */
  public Optional<CallbackKind> kind() {
    if (moderation.isPresent()) {
      return Optional.of(CallbackKind.MODERATION);
    }
    return event().map(e -> e.equals("WorkflowFinish") ? CallbackKind.WORKFLOW : CallbackKind.JOB);
  }

  public boolean isValid() {
    return validation.isValid() && (callback.isPresent() || moderation.isPresent());
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
    return other instanceof ReadResult o && validation.equals(o.validation) && callback.equals(o.callback)
        && moderation.equals(o.moderation);
  }

  @Override
  public int hashCode() {
    return Objects.hash(validation, callback, moderation);
  }

  @Override
  public String toString() {
    return "ReadResult[" + validation + ", " + kind().map(k -> k.name().toLowerCase(java.util.Locale.ROOT) + " read")
        .orElse("nothing read") + "]";
  }
}
