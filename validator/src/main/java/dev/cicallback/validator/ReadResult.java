package dev.cicallback.validator;

import dev.cicallback.model.json.Callback;
import java.util.List;
import java.util.Optional;

/**
 * A callback read by {@link CallbackReader}: the validation verdict and, when the payload is valid, the callback as
 * the model. Nodes the contract does not know are kept in the model, in order, with their values (each generated
 * class's {@code getAdditionalProperties()}), and written back by {@link CallbackWriter}; tolerant mode also lists
 * them in {@link #unknownNodes()} (and as warnings among the problems).
 */
public record ReadResult(ValidationResult validation, Optional<Callback> callback) {

  public ReadResult {
    callback = callback == null ? Optional.empty() : callback;
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
}
